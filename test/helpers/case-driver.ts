/** Drives one case of any process from a test: its state, its decisions, and waiting for a stage. */
import type { Client } from '@temporalio/client';
import type { QueryDefinition, UpdateDefinition } from '@temporalio/common';

interface DrivenState<Stage extends string> {
  stage: Stage;
  workingOn?: string;
}

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

  state(): Promise<State> {
    return this.handle.query(this.stateQuery);
  }

  /** Takes a decision and resolves once it is recorded (the case as the decision found it). */
  record<A extends Action>(action: A, args: Args[A]): Promise<State> {
    return this.handle.executeUpdate(this.updates[action] as UpdateDefinition<State, [Args[A]], A>, {
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
