/**
 * `npm run bench -- tracing`: what tracing costs. Households in a closed loop on three stacks started one after the
 * other in the same run: tracing off, on with every trace sampled, on with 1% sampled (parent-based, as the
 * standard OTEL_TRACES_SAMPLER variables set it); households per second and CPU per household, each against off.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { closedLoop, type LoopRun } from './closed-loop';
import type { MachineFacts } from './machine';
import { startOtlpSink } from './otlp-sink';
import { startBenchStack, type Persistence } from './stack';
import { householdDriver, seedHouseholds } from './workloads/households';

export interface TracingBenchOptions {
  persistence: Persistence;
  cases: number;
  concurrency: number;
  machine: MachineFacts;
}

interface TracingMode {
  name: string;
  env: (endpoint: string) => NodeJS.ProcessEnv;
}

const MODES: readonly TracingMode[] = [
  { name: 'off', env: () => ({}) },
  {
    name: 'on, 100% sampled',
    env: (endpoint) => ({
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
      OTEL_TRACES_SAMPLER: 'parentbased_always_on',
    }),
  },
  {
    name: 'on, 1% sampled',
    env: (endpoint) => ({
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
      OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
      OTEL_TRACES_SAMPLER_ARG: '0.01',
    }),
  },
];

export interface TracingModeResult {
  mode: string;
  householdsPerSecond: number;
  cpuSecondsPerHousehold: number;
  spansReceived: number;
  run: LoopRun;
}

export interface TracingBenchResult {
  date: string;
  options: Omit<TracingBenchOptions, 'machine'>;
  machine: MachineFacts;
  modes: TracingModeResult[];
}

async function runMode(
  mode: TracingMode,
  options: TracingBenchOptions,
  log: (line: string) => void,
): Promise<TracingModeResult> {
  const sink = await startOtlpSink();
  const stack = await startBenchStack(options.persistence, { childEnv: mode.env(sink.endpoint) });
  try {
    const { cases, concurrency } = options;
    const processes = { worker: stack.processes.worker, api: stack.processes.api };
    const warmup = 2 * concurrency;
    await seedHouseholds(stack, 'TRACE', warmup + cases);
    const driver = await householdDriver(stack, 'TRACE');
    let next = 0;
    const runner = () => driver.runner(next++);
    try {
      await closedLoop(`warm-up (${mode.name})`, { total: warmup, concurrency, processes }, runner);
      const run = await closedLoop(
        `H, tracing ${mode.name}`,
        { total: cases, concurrency, processes },
        runner,
      );
      const cpu = Object.values(run.cpuSeconds).reduce((sum, seconds) => sum + seconds, 0);
      const result = {
        mode: mode.name,
        householdsPerSecond: run.casesPerSecond,
        cpuSecondsPerHousehold: cpu / cases,
        spansReceived: sink.spans(),
        run,
      };
      log(
        `  tracing ${mode.name}: ${result.householdsPerSecond.toFixed(2)} households/s, ` +
          `${result.cpuSecondsPerHousehold.toFixed(4)} CPU-s per household (worker + API), ${result.spansReceived} spans received`,
      );
      return result;
    } finally {
      await driver.stop();
    }
  } finally {
    await stack.stop();
    await sink.close();
  }
}

export async function runTracingBench(
  options: TracingBenchOptions,
  log: (line: string) => void,
): Promise<TracingBenchResult> {
  const modes: TracingModeResult[] = [];
  for (const mode of MODES) {
    log(`• ${options.persistence}: households with tracing ${mode.name}`);
    modes.push(await runMode(mode, options, log));
  }
  const { machine, ...rest } = options;
  return { date: new Date().toISOString().slice(0, 10), options: rest, machine, modes };
}

export function writeTracingResults(
  result: TracingBenchResult,
  folder: string,
): { json: string; markdown: string } {
  const base = path.join(folder, `${result.date}-tracing-${result.options.persistence}`);
  const off = result.modes[0]!;
  const rows = result.modes.map(
    (m) =>
      `| ${m.mode} | ${m.householdsPerSecond.toFixed(2)} | ${(m.householdsPerSecond / off.householdsPerSecond).toFixed(2)} | ` +
      `${m.cpuSecondsPerHousehold.toFixed(4)} | ${(m.cpuSecondsPerHousehold / off.cpuSecondsPerHousehold).toFixed(2)} | ${m.spansReceived} |`,
  );
  const markdown = [
    `# Tracing overhead, ${result.date}`,
    '',
    `Households in a closed loop (${result.options.cases} after a warm-up, ${result.options.concurrency} in flight), dev server ${result.options.persistence}; one stack per mode, in this order, in the same run. CPU is the worker's and the API's.`,
    '',
    '| Tracing | households/s | ÷ off | CPU-s per household | ÷ off | spans received |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    `Machine: ${result.machine.cores} cores (${result.machine.cpuModel}), Node ${result.machine.node}.`,
    '',
  ].join('\n');
  writeFileSync(`${base}.json`, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(`${base}.md`, markdown);
  return { json: `${base}.json`, markdown: `${base}.md` };
}
