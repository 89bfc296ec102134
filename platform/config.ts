/**
 * The one place that reads the environment. Workers, the API, the platform launcher and the CLIs all call
 * loadConfig() once at start-up; a bad value stops start-up with a message naming the variable and the rule.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadClientConfigProfile, toClientOptions } from '@temporalio/envconfig';
import type { NativeConnectionOptions } from '@temporalio/worker';
import { z } from 'zod';
import { DISTRICT_CODES, TASK_QUEUES, type District } from '../workflows/definitions';
import { parseFault, type Fault } from './fault-spec';
import { productionProblems } from './production-checks';
import { parseKeyRing, type KeyRing } from './codec/payload-codec';

export const PROJECT_ROOT = path.resolve(__dirname, '..');

export interface PlatformConfig {
  temporal: {
    address: string;
    namespace: string;
    /** Address, TLS, API key and gRPC metadata, as resolved by @temporalio/envconfig (env vars and TOML profile). */
    connection: NativeConnectionOptions & { address: string };
  };
  taskQueue: string;
  /** Undefined: use the local server on 127.0.0.1:5432 if one answers, else start an embedded PostgreSQL. */
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPostgresPort: number;
  api: { host: string; port: number; bodyLimit: string; requestsPerMinutePerUser: number };
  workerMetricsBindAddress: string;
  /** The API process's Prometheus endpoint (GET /metrics), apart from the API's own port. */
  apiMetrics: { host: string; port: number };
  /** Workflow runs a worker keeps in memory between tasks (the SDK's default when unset); 0 turns stickiness off. */
  workerMaxCachedWorkflows: number | undefined;
  jwt: {
    secret: Uint8Array;
    issuer: string;
    audience: string;
    tokenTtl: string;
    /** The city's OpenID Connect provider (OIDC_ISSUER): the workbench signs in there, the API trusts its tokens. */
    provider?: { issuer: string; audience: string; clientId: string };
  };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
  /** A prebuilt workflow bundle (npm run build); when unset the worker bundles workflows/ at start. */
  workflowBundlePath: string | undefined;
  /** Keys of the payload codec: every payload Temporal stores is encrypted with the active one. */
  payloadKeys: KeyRing;
  /** The Web UI port of the dev server that `npm start` runs when TEMPORAL_ADDRESS is local. */
  devServerUiPort: number;
  /** The codec server (served by the API under /codec) that the Web UI calls to decode payloads. */
  codec: {
    publicEndpoint: string;
    allowedOrigins: string[];
    bodyLimit: string;
    /** Refused codec requests per client per window before the client is refused outright (429). */
    refusalLimit: { limit: number; windowMs: number };
  };
  production: boolean;
  /** A fault to inject into the department adapters (fault-tolerance tests only; NODE_ENV=test). */
  fault: Fault | undefined;
  /** Resident counts per district, for childcare coverage (slots per 1,000); a district without one is shown so. */
  childcareResidents: Partial<Record<District, number>>;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const port = z.coerce
  .number({ error: 'must be a whole number' })
  .int('must be a whole number')
  .min(1, 'must be a port number between 1 and 65535')
  .max(65535, 'must be a port number between 1 and 65535');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  ONETHING_TASK_QUEUE: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,200}$/, 'must be 1-200 letters, digits, dots, dashes or underscores')
    .default(TASK_QUEUES.processes),
  DATABASE_URL: z
    .string()
    .refine((value) => /^postgres(ql)?:\/\/[^/]+\/[^/?]+/.test(value), {
      message:
        'must be a postgres:// URL that names a database, e.g. postgres://user@127.0.0.1:5432/onething',
    })
    .optional(),
  ONETHING_DATA_DIR: z.string().min(1, 'must not be empty').default(path.join(PROJECT_ROOT, '.data')),
  EMBEDDED_POSTGRES_PORT: port.default(54329),
  API_HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  API_PORT: port.default(3000),
  API_BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/, 'must be a size such as 64kb or 1mb')
    .default('64kb'),
  API_RATE_LIMIT: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1 request per minute')
    .default(600),
  WORKER_METRICS_PORT: port.default(9464),
  API_METRICS_PORT: port.default(9465),
  API_METRICS_HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  WORKER_METRICS_HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(0, 'must be 0 or more')
    .optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_ISSUER: z.string().min(1, 'must not be empty').default('onething'),
  JWT_AUDIENCE: z.string().min(1, 'must not be empty').default('onething-api'),
  JWT_TOKEN_TTL: z
    .string()
    .regex(/^\d+[smhd]$/, 'must be a duration such as 30m, 8h or 7d')
    .default('8h'),
  OIDC_ISSUER: z.url({ error: 'must be the provider’s issuer URL' }).optional(),
  OIDC_CLIENT_ID: z.string().min(1, 'must not be empty').default('onething-workbench'),
  OIDC_AUDIENCE: z
    .string()
    .regex(/^[a-z][a-z0-9+.-]*:\S+$/, 'must be an absolute URI, e.g. urn:onething:api')
    .default('urn:onething:api'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
  WORKFLOW_BUNDLE_PATH: z.string().min(1, 'must not be empty').optional(),
  TEMPORAL_UI_PORT: port.default(8233),
  ONETHING_PAYLOAD_KEYS: z.string().min(1, 'must not be empty').optional(),
  ONETHING_PAYLOAD_ACTIVE_KEY: z.string().min(1, 'must not be empty').optional(),
  CODEC_PUBLIC_URL: z.url({ error: 'must be an http(s) URL' }).optional(),
  TEMPORAL_UI_ORIGINS: z
    .string()
    .regex(
      /^https?:\/\/[^/,\s]+(,https?:\/\/[^/,\s]+)*$/,
      'must be a comma-separated list of origins such as https://temporal.example.gov.cn',
    )
    .optional(),
  ONETHING_FAULT: z.string().min(1, 'must not be empty').optional(),
  CODEC_REFUSAL_LIMIT: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .default(30),
  CODEC_BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/, 'must be a size such as 512kb or 4mb')
    .default('4mb'),
  ONETHING_DISTRICT_RESIDENTS: z
    .string()
    .regex(
      new RegExp(`^(${DISTRICT_CODES.join('|')}):\\d{1,9}(,(${DISTRICT_CODES.join('|')}):\\d{1,9})*$`),
      `must be district:residents pairs, comma-separated, e.g. jinshui:1600000,erqi:760000 (districts: ${DISTRICT_CODES.join(', ')})`,
    )
    .optional(),
});

const SECRET_VARIABLES = new Set(['JWT_SECRET', 'DATABASE_URL', 'TEMPORAL_API_KEY', 'ONETHING_PAYLOAD_KEYS']);

function describeIssue(issue: z.core.$ZodIssue, env: NodeJS.ProcessEnv): string {
  const variable = String(issue.path[0] ?? '(environment)');
  const raw = env[variable];
  const shown = raw === undefined || SECRET_VARIABLES.has(variable) ? '' : ` (got ${JSON.stringify(raw)})`;
  return `${variable} ${issue.message}${shown}`;
}

function loadTemporal(env: NodeJS.ProcessEnv): PlatformConfig['temporal'] {
  let profile;
  try {
    profile = loadClientConfigProfile({
      profile: env.TEMPORAL_PROFILE,
      overrideEnvVars: env as Record<string, string>,
    });
  } catch (error) {
    throw new ConfigError([
      `TEMPORAL_CONFIG_FILE / TEMPORAL_PROFILE could not be loaded: ${(error as Error).message}`,
    ]);
  }
  const { connectionOptions, namespace } = toClientOptions(profile);
  const address = connectionOptions.address ?? '127.0.0.1:7233';
  const problems: string[] = [];
  if (!/^[A-Za-z0-9.-]+:\d{1,5}$/.test(address) && !/^\[[0-9a-fA-F:]+\]:\d{1,5}$/.test(address)) {
    problems.push(`TEMPORAL_ADDRESS must be host:port, e.g. 127.0.0.1:7233 (got ${JSON.stringify(address)})`);
  }
  const resolvedNamespace = namespace ?? 'default';
  if (!/^[A-Za-z0-9._-]{2,255}$/.test(resolvedNamespace)) {
    problems.push(
      `TEMPORAL_NAMESPACE must be 2-255 letters, digits, dots, dashes or underscores (got ${JSON.stringify(resolvedNamespace)})`,
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { address, namespace: resolvedNamespace, connection: { ...connectionOptions, address } };
}

/**
 * A development secret, generated once per checkout under .data/ so it survives restarts and every local
 * process (launcher, worker, API, CLIs) reads the same one. Production takes its secrets from the environment.
 */
function developmentSecret(dataDir: string, fileName: string, generate: () => string): string {
  const file = path.join(dataDir, fileName);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, generate(), { mode: 0o600, flag: 'wx' });
  }
  return readFileSync(file, 'utf8').trim();
}

function loadPayloadKeys(spec: string, active: string | undefined): KeyRing {
  try {
    return parseKeyRing(spec, active);
  } catch (error) {
    throw new ConfigError([
      `ONETHING_PAYLOAD_KEYS ${(error as Error).message} (format: id:base64-32-byte-key,...)`,
    ]);
  }
}

/** Development conveniences (printed tokens, demo data) refuse to run against a production configuration. */
export function refuseInProduction(config: Pick<PlatformConfig, 'production'>, what: string): void {
  if (config.production) {
    throw new Error(`${what} is a development convenience: it refuses to run when NODE_ENV=production`);
  }
}

type EnvVars = z.infer<typeof envSchema>;

/** The secrets production demands, and the fault a test may inject (only under NODE_ENV=test). */
function checkedFault(vars: EnvVars): Fault | undefined {
  const production = vars.NODE_ENV === 'production';
  if (production && !vars.JWT_SECRET) {
    throw new ConfigError(['JWT_SECRET is required when NODE_ENV=production (at least 32 characters)']);
  }
  if (production && !vars.ONETHING_PAYLOAD_KEYS) {
    throw new ConfigError([
      'ONETHING_PAYLOAD_KEYS is required when NODE_ENV=production (id:base64-32-byte-key,...)',
    ]);
  }
  if (!vars.ONETHING_FAULT) return undefined;
  if (vars.NODE_ENV !== 'test') throw new ConfigError(['ONETHING_FAULT is only accepted when NODE_ENV=test']);
  try {
    return parseFault(vars.ONETHING_FAULT);
  } catch (error) {
    throw new ConfigError([`ONETHING_FAULT ${(error as Error).message}`]);
  }
}

/** What a production deployment must not run with: a local database or server, no TLS, a key from the repository. */
function refuseUnsafeProduction(vars: EnvVars, temporal: PlatformConfig['temporal']): void {
  const problems = productionProblems({
    databaseUrl: vars.DATABASE_URL,
    temporalAddress: temporal.address,
    temporalTls: Boolean(temporal.connection.tls),
    ...(vars.OIDC_ISSUER ? { identityProvider: vars.OIDC_ISSUER } : {}),
    secrets: [
      { variable: 'JWT_SECRET', value: vars.JWT_SECRET ?? '' },
      ...(vars.ONETHING_PAYLOAD_KEYS ?? '').split(',').map((entry) => ({
        variable: 'ONETHING_PAYLOAD_KEYS',
        value: entry.slice(entry.indexOf(':') + 1).trim(),
      })),
    ],
    projectRoot: PROJECT_ROOT,
  });
  if (problems.length > 0) throw new ConfigError(problems);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => describeIssue(issue, env)));
  const vars = parsed.data;
  const production = vars.NODE_ENV === 'production';
  const fault = checkedFault(vars);
  const temporal = loadTemporal(env);
  const dataDir = path.resolve(vars.ONETHING_DATA_DIR);
  if (production) refuseUnsafeProduction(vars, temporal);
  return {
    temporal,
    taskQueue: vars.ONETHING_TASK_QUEUE,
    databaseUrl: vars.DATABASE_URL,
    dataDir,
    embeddedPostgresPort: vars.EMBEDDED_POSTGRES_PORT,
    api: {
      host: vars.API_HOST,
      port: vars.API_PORT,
      bodyLimit: vars.API_BODY_LIMIT,
      requestsPerMinutePerUser: vars.API_RATE_LIMIT,
    },
    workerMetricsBindAddress: `${vars.WORKER_METRICS_HOST}:${vars.WORKER_METRICS_PORT}`,
    apiMetrics: { host: vars.API_METRICS_HOST, port: vars.API_METRICS_PORT },
    workerMaxCachedWorkflows: vars.WORKER_MAX_CACHED_WORKFLOWS,
    jwt: {
      secret: new TextEncoder().encode(
        vars.JWT_SECRET ??
          developmentSecret(dataDir, 'dev-jwt-secret', () => randomBytes(48).toString('base64url')),
      ),
      issuer: vars.JWT_ISSUER,
      audience: vars.JWT_AUDIENCE,
      tokenTtl: vars.JWT_TOKEN_TTL,
      ...(vars.OIDC_ISSUER
        ? {
            provider: {
              issuer: vars.OIDC_ISSUER,
              audience: vars.OIDC_AUDIENCE,
              clientId: vars.OIDC_CLIENT_ID,
            },
          }
        : {}),
    },
    logLevel: vars.LOG_LEVEL,
    workflowBundlePath: vars.WORKFLOW_BUNDLE_PATH,
    devServerUiPort: vars.TEMPORAL_UI_PORT,
    codec: {
      publicEndpoint: vars.CODEC_PUBLIC_URL ?? `http://${vars.API_HOST}:${vars.API_PORT}/codec`,
      allowedOrigins: vars.TEMPORAL_UI_ORIGINS?.split(',') ?? [
        `http://127.0.0.1:${vars.TEMPORAL_UI_PORT}`,
        `http://localhost:${vars.TEMPORAL_UI_PORT}`,
      ],
      bodyLimit: vars.CODEC_BODY_LIMIT,
      refusalLimit: { limit: vars.CODEC_REFUSAL_LIMIT, windowMs: 15 * 60_000 },
    },
    payloadKeys: loadPayloadKeys(
      vars.ONETHING_PAYLOAD_KEYS ??
        developmentSecret(dataDir, 'dev-payload-keys', () => `dev-1:${randomBytes(32).toString('base64')}`),
      vars.ONETHING_PAYLOAD_ACTIVE_KEY,
    ),
    production,
    fault,
    childcareResidents: Object.fromEntries(
      (vars.ONETHING_DISTRICT_RESIDENTS?.split(',') ?? []).map((pair) => {
        const [district, residents] = pair.split(':') as [District, string];
        return [district, Number(residents)];
      }),
    ),
  };
}
