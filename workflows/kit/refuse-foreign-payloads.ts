/**
 * The workflow interceptor that keeps decisions inside the API: a start, Update, signal or query carrying a
 * payload the platform did not encrypt (see `foreign-payload-marker.ts`) is refused before any handler sees it.
 * An Update is rejected in validation, so nothing enters history; a signal is dropped with a warning (the server
 * has already recorded it, the case ignores it); a start fails at once. Registered through the bundle's
 * `workflowInterceptorModules` (workers/bundle-options.ts).
 */
import {
  ApplicationFailure,
  log,
  type WorkflowInboundCallsInterceptor,
  type WorkflowInterceptorsFactory,
} from '@temporalio/workflow';
import { isForeignPayloadMarker } from './foreign-payload-marker';
import { DECISION_REFUSALS } from './refusals';

export const FOREIGN_PAYLOAD_REFUSAL = 'ForeignPayload';

type Inbound = Required<WorkflowInboundCallsInterceptor>;

const foreignReason = (args: readonly unknown[]): string | undefined => {
  const marker = args.find(isForeignPayloadMarker);
  return marker ? marker.onethingForeignPayload : undefined;
};

const refusal = (what: string, reason: string) =>
  ApplicationFailure.nonRetryable(
    `${what} refused: ${reason}; cases are started and decided through the OneThing API only`,
    // Mapped like any refused decision (403) should it ever reach the API.
    what === 'start' ? FOREIGN_PAYLOAD_REFUSAL : DECISION_REFUSALS.forbidden,
  );

/**
 * Not `async`: each method hands back `next`'s own promise, so that the platform's own calls take exactly the
 * ticks they took before the interceptor existed (an extra await reorders commands, and recorded histories would
 * no longer replay).
 */
class RefuseForeignPayloads implements WorkflowInboundCallsInterceptor {
  execute(...[input, next]: Parameters<Inbound['execute']>) {
    const reason = foreignReason(input.args);
    return reason ? Promise.reject(refusal('start', reason)) : next(input);
  }

  validateUpdate(...[input, next]: Parameters<Inbound['validateUpdate']>) {
    const reason = foreignReason(input.args);
    if (reason) throw refusal(`update ${input.name}`, reason);
    next(input);
  }

  handleUpdate(...[input, next]: Parameters<Inbound['handleUpdate']>) {
    const reason = foreignReason(input.args);
    return reason ? Promise.reject(refusal(`update ${input.name}`, reason)) : next(input);
  }

  handleSignal(...[input, next]: Parameters<Inbound['handleSignal']>) {
    const reason = foreignReason(input.args);
    if (!reason) return next(input);
    log.warn('signal refused: a payload was not the platform’s', { signal: input.signalName, reason });
    return Promise.resolve();
  }

  handleQuery(...[input, next]: Parameters<Inbound['handleQuery']>) {
    const reason = foreignReason(input.args);
    return reason ? Promise.reject(refusal(`query ${input.queryName}`, reason)) : next(input);
  }
}

export const interceptors: WorkflowInterceptorsFactory = () => ({ inbound: [new RefuseForeignPayloads()] });
