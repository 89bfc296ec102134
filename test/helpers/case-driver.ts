/** Drives one case of any process from a test: its state, its decisions, and waiting for a stage. */
import type { Client } from '@temporalio/client';
import type { QueryDefinition, UpdateDefinition } from '@temporalio/common';

interface DrivenState<Stage extends string> {
  stage: Stage;
  workingOn?: string;
}

const QUERY_ATTEMPT_MS = 5_000;
const QUERY_ATTEMPTS = 6;
/**
 * How the client reports an attempt cut off by its deadline, as the cause of its ServiceError: DEADLINE_EXCEEDED,
 * or CANCELLED when the deadline fell during the client's own retry of the call (seen in CI while a killed
 * worker was being replaced).
 */
const GRPC_UNANSWERED = new Set([1 /* CANCELLED */, 4 /* DEADLINE_EXCEEDED */]);

const deadlineExceeded = (error: unknown): boolean =>
  GRPC_UNANSWERED.has((error as { cause?: { code?: number } } | undefined)?.cause?.code ?? -1);

export class ProcessCaseDriver<
  State extends DrivenState<Stage>,
  Stage extends string,
  Action extends string,
  Args extends { [A in Action]: unknown },
> {
  constructor(
    readonly client: Client,
    readonly caseId: string,
    private readonly stateQuery: QueryDefinition<State>,
    private readonly updates: { [A in Action]: UpdateDefinition<State, [Args[A]], A> },
  ) {}

  get handle() {
    return this.client.workflow.getHandle<(...args: unknown[]) => Promise<State>>(this.caseId);
  }

  /**
   * The case's state. On the time-skipping test server a query that reaches a run just as it continues as new can
   * go unanswered for 90 s; each attempt has a deadline, and one left unanswered is asked again.
   */
  async state(): Promise<State> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.client.connection.withDeadline(Date.now() + QUERY_ATTEMPT_MS, () =>
          this.handle.query(this.stateQuery),
        );
      } catch (error) {
        if (attempt >= QUERY_ATTEMPTS || !deadlineExceeded(error)) throw error;
      }
    }
  }

  /**
   * Takes a decision and resolves once it is recorded (the case as the decision found it). With `runId`, the
   * decision goes to that run and its outcome is read from it even after the case has continued as new (the
   * time-skipping server does not follow an outcome into the next run, and the wait would hang).
   */
  record<A extends Action>(action: A, args: Args[A], runId?: string): Promise<State> {
    const handle = runId ? this.client.workflow.getHandle(this.caseId, runId) : this.handle;
    return handle.executeUpdate(this.updates[action] as UpdateDefinition<State, [Args[A]], A>, {
      args: [args],
    });
  }

  /**
   * Takes a decision and waits until the work that follows from it is done: the case as it then stands. The wait
   * is long by default (department systems may be failing and retried); mocha's timeout is the real bound.
   */
  async act<A extends Action>(action: A, args: Args[A], timeoutMs = 10 * 60_000): Promise<State> {
    await this.record(action, args);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const state = await this.state();
      if (!state.workingOn) return state;
      if (Date.now() > deadline) throw new Error(`case ${this.caseId} still working on ${state.workingOn}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Waits until the case is at the stage and, if given, the predicate holds (a stage's task opens just after). */
  async waitForStage(
    stage: Stage,
    timeoutMs = 20_000,
    and: (state: State) => boolean = () => true,
  ): Promise<State> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const state = await this.state();
      if (state.stage === stage && and(state)) return state;
      if (Date.now() > deadline)
        throw new Error(`case ${this.caseId} stayed at ${state.stage}, expected ${stage}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
