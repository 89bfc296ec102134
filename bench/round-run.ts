/**
 * `npm run bench -- round --sizes 10000 100000`: 免申即享 rounds over district registers of the given sizes, on their
 * own stack (no baselines: a round has no same-shape Temporal-only twin; its figure is CPU per enterprise, which
 * should not grow with the register).
 */
import { randomBytes } from 'node:crypto';
import type { MachineFacts } from './machine';
import { freshResultBase, writeJsonAndSummary } from './result-files';
import { startBenchStack, type Persistence, type ServerFacts } from './stack';
import { OWED_ONE_IN, runRounds, type RoundScaleRun } from './workloads/round-scale';

export interface RoundBenchResult {
  date: string;
  machine: MachineFacts;
  server: ServerFacts;
  rounds: RoundScaleRun[];
  /** CPU per enterprise of the largest round over the smallest's: 1 when the cost does not grow with the register. */
  cpuPerEnterpriseRatio: number | null;
}

export async function runRoundBench(
  options: { sizes: number[]; persistence: Persistence; machine: MachineFacts },
  log: (line: string) => void,
): Promise<RoundBenchResult> {
  log(`• ${options.persistence}: starting the dev server, database, worker and API`);
  const stack = await startBenchStack(options.persistence);
  try {
    const tag = randomBytes(3).toString('hex').toUpperCase();
    const rounds = await runRounds(stack, { sizes: options.sizes, tag }, log);
    const [smallest, largest] = [rounds[0], rounds.at(-1)];
    return {
      date: new Date().toISOString().slice(0, 10),
      machine: options.machine,
      server: stack.server,
      rounds,
      cpuPerEnterpriseRatio:
        smallest && largest && rounds.length > 1
          ? largest.totalCpuSecondsPerEnterprise / smallest.totalCpuSecondsPerEnterprise
          : null,
    };
  } finally {
    await stack.stop();
  }
}

/** Writes `<date>-round-<persistence>.json` and `.md`; returns the paths. */
export function writeRoundResults(result: RoundBenchResult, folder: string) {
  const base = freshResultBase(folder, `${result.date}-round-${result.server.persistence}`);
  const { machine } = result;
  const markdown = [
    `# OneThing 免申即享 round scale, ${result.date} (${result.server.persistence})`,
    '',
    `Machine: ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, ${machine.kernel}, Node ${machine.node}.`,
    `Server: ${result.server.version}; \`temporal ${result.server.flags.join(' ')}\`.`,
    `Each round is started through the API over a district register of its own; one enterprise in ${OWED_ONE_IN} is owed and gets a case.`,
    '',
    '| enterprises | cases started | wall s | judged per s | CPU-ms per enterprise (all processes) |',
    '|---|---|---|---|---|',
    ...result.rounds.map(
      (r) =>
        `| ${r.enterprises} | ${r.casesStarted} | ${r.wallSeconds.toFixed(1)} | ${r.enterprisesPerSecond.toFixed(0)} | ${(1000 * r.totalCpuSecondsPerEnterprise).toFixed(3)} |`,
    ),
    '',
    `CPU per enterprise, largest round ÷ smallest: ${result.cpuPerEnterpriseRatio?.toFixed(2) ?? '–'} (target 1 ± 0.15).`,
    '',
  ].join('\n');
  return writeJsonAndSummary(base, result, markdown);
}
