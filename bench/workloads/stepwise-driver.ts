/**
 * A process's people, automated: each takes their step when the case registry shows the case waiting at their
 * stage, through the API as a real clerk would. One poller serves every case in flight, so the driver's reads stay
 * one query per tick whatever the concurrency. A process is a table of steps, not a driver of its own.
 */
import type { CaseRunner } from '../closed-loop';
import type { BenchStack } from '../stack';
import { startCasePoller, type WorkloadDriver } from './case-poller';
import { postAs } from './households';

interface Step<Person extends string> {
  action: string;
  by: Person;
  body: object;
}

interface StepwiseProcess<Person extends string> {
  /** The process's collection in the API, e.g. `/v1/petitions`; a case's actions are under `<path>/<caseId>`. */
  casesPath: string;
  /** Each person's bearer token. */
  tokens: Record<Person, string>;
  /** What is done at each stage that waits for a person. */
  steps: Partial<Record<string, Step<Person>>>;
  /** The stage at which the benchmark counts the case as done (it may go on waiting, e.g. for a review). */
  doneStage: string;
  /** Stages at which a case has ended some other way: the run fails rather than waits for ever. */
  failedStages: readonly string[];
  /** Who starts case `index`, and with what body. */
  start(index: number): { by: Person; body: object };
}

interface InFlight {
  /** The stages whose step has been answered 200; a 409 (the case moved on meanwhile) is asked again. */
  acted: Set<string>;
  done: () => void;
  fail: (error: Error) => void;
}

export function stepwiseDriver<Person extends string>(
  stack: BenchStack,
  process: StepwiseProcess<Person>,
): WorkloadDriver {
  const inFlight = new Map<string, InFlight>();

  const tick = async () => {
    const ids = [...inFlight.keys()];
    if (ids.length === 0) return;
    const rows: Array<{ case_id: string; stage: string }> = await stack
      .db('onething.cases')
      .whereIn('case_id', ids)
      .select('case_id', 'stage');
    await Promise.all(
      rows.map(async ({ case_id: caseId, stage }) => {
        const waiting = inFlight.get(caseId)!;
        if (stage === process.doneStage || process.failedStages.includes(stage)) {
          inFlight.delete(caseId);
          if (stage === process.doneStage) return waiting.done();
          return waiting.fail(new Error(`${caseId} ended ${stage}, not ${process.doneStage}`));
        }
        const step = process.steps[stage];
        if (!step || waiting.acted.has(stage)) return;
        const path = `${process.casesPath}/${encodeURIComponent(caseId)}/actions/${step.action}`;
        if ((await postAs(stack, path, process.tokens[step.by], step.body)).ok) waiting.acted.add(stage);
      }),
    );
  };

  const poller = startCasePoller(inFlight, tick);

  const runner: CaseRunner = async (index) => {
    poller.throwIfFailed();
    const { by, body } = process.start(index);
    const { answer } = await postAs(stack, process.casesPath, process.tokens[by], body);
    const caseId = answer.caseId as string;
    await new Promise<void>((done, fail) => inFlight.set(caseId, { acted: new Set(), done, fail }));
    return caseId;
  };
  return { runner, stop: poller.stop };
}
