/**
 * What production refuses that development allows: the database found or started for you, a Temporal reached
 * without TLS, and secrets anyone with the repository could read.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
/** Where a secret would be published with the code; generated data, dependencies and builds are not. */
const SKIPPED_DIRECTORIES = new Set([
  'node_modules',
  '.git',
  '.data',
  'dist',
  '.venv',
  'test-output',
  'bench-output',
]);
const LARGEST_SCANNED_FILE = 2_000_000;

interface ProductionSettings {
  databaseUrl: string | undefined;
  temporalAddress: string;
  temporalTls: boolean;
  /** The identity provider's issuer (OIDC_ISSUER), if any: its tokens are trusted, so it must be reached over TLS. */
  identityProvider?: string;
  /** Each secret by the variable it came from; a payload key ring gives one entry per key. */
  secrets: ReadonlyArray<{ variable: string; value: string }>;
  projectRoot: string;
}

export function productionProblems(settings: ProductionSettings): string[] {
  const problems: string[] = [];
  if (!settings.databaseUrl) {
    problems.push(
      'DATABASE_URL is required when NODE_ENV=production: no local or embedded PostgreSQL is used',
    );
  } else if (!hasPassword(settings.databaseUrl)) {
    problems.push(
      'DATABASE_URL must name a password when NODE_ENV=production (postgres://user:password@host/db)',
    );
  }
  const host = settings.temporalAddress.replace(/:\d+$/, '');
  if (!LOCAL_HOSTS.has(host) && !settings.temporalTls) {
    problems.push(
      `TEMPORAL_ADDRESS ${settings.temporalAddress} is not local: TEMPORAL_TLS (or a TLS profile) is required when NODE_ENV=production`,
    );
  }
  if (settings.identityProvider && !settings.identityProvider.startsWith('https://')) {
    problems.push('OIDC_ISSUER must be an https:// URL when NODE_ENV=production: the API trusts its keys');
  }
  const published = secretsInRepository(settings.secrets, settings.projectRoot);
  for (const { variable, file } of published) {
    problems.push(`${variable} holds a key that appears in the repository (${file}): generate a new one`);
  }
  return problems;
}

function hasPassword(databaseUrl: string): boolean {
  try {
    return new URL(databaseUrl).password.length > 0;
  } catch {
    return false;
  }
}

function secretsInRepository(
  secrets: ProductionSettings['secrets'],
  root: string,
): Array<{ variable: string; file: string }> {
  const found: Array<{ variable: string; file: string }> = [];
  const remaining = secrets.filter((s) => s.value.length >= 16);
  for (const file of filesUnder(root)) {
    if (remaining.length === found.length) break;
    const text = readFileSync(file, 'utf8');
    for (const secret of remaining) {
      if (!found.some((f) => f.variable === secret.variable) && text.includes(secret.value)) {
        found.push({ variable: secret.variable, file: path.relative(root, file) });
      }
    }
  }
  return found;
}

function* filesUnder(directory: string): Generator<string> {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) yield* filesUnder(full);
    } else if (entry.isFile() && statSync(full).size <= LARGEST_SCANNED_FILE) {
      yield full;
    }
  }
}
