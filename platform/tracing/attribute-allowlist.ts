/**
 * What leaves a process in a span: an allowlist of attribute keys, so that nothing about a person can ride out on
 * an instrumentation's defaults (the raw URL and its query, a client's address, a user agent, an error's message).
 * Workflow and activity IDs are kept: the platform's IDs are built to carry no personal data.
 */
import type { ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';

const KEPT = new Set([
  'http.method',
  'http.route',
  'http.status_code',
  'db.system',
  'db.name',
  'db.operation',
  // The statement as written, with $1…$n placeholders: knex sends every value as a bind parameter.
  'db.statement',
  'net.peer.name',
  'net.peer.port',
  'run_id',
  'temporalWorkflowId',
  'temporalActivityId',
  'temporalUpdateId',
]);

const allowed = (attributes: ReadableSpan['attributes']) =>
  Object.fromEntries(Object.entries(attributes).filter(([key]) => KEPT.has(key)));

/** The span as exported: its allowed attributes only, no events (an exception event carries the error's text). */
function redacted(span: ReadableSpan): ReadableSpan {
  return Object.create(span, {
    attributes: { value: allowed(span.attributes) },
    events: { value: [] },
    status: { value: { code: span.status.code } },
  }) as ReadableSpan;
}

export class AllowlistExporter implements SpanExporter {
  constructor(private readonly next: SpanExporter) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    this.next.export(spans.map(redacted), done);
  }

  shutdown(): Promise<void> {
    return this.next.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.next.forceFlush?.() ?? Promise.resolve();
  }
}
