/**
 * OpenTelemetry tracing for a process, on when the standard variables ask for it (OTEL_EXPORTER_OTLP_ENDPOINT or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT set, OTEL_SDK_DISABLED not true, OTEL_TRACES_EXPORTER not none) and off
 * otherwise. Spans go over OTLP/HTTP; OTEL_SERVICE_NAME, OTEL_TRACES_SAMPLER(_ARG) and the OTLP headers are read by
 * the SDK as everywhere. Incoming HTTP and PostgreSQL are instrumented; Temporal's own interceptors carry the
 * context from the API's client call through the server into the workflow and each activity.
 */
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, type SpanProcessor } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { AllowlistExporter } from './attribute-allowlist';

export interface Tracing {
  resource: Resource;
  spanProcessor: SpanProcessor;
  /** Sends what is still buffered, then stops. */
  shutdown(): Promise<void>;
}

export function tracingWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? env.OTEL_EXPORTER_OTLP_ENDPOINT;
  return !!endpoint && env.OTEL_SDK_DISABLED?.toLowerCase() !== 'true' && env.OTEL_TRACES_EXPORTER !== 'none';
}

let started: Tracing | undefined;

/**
 * Starts tracing once per process, before the modules it instruments are loaded (each entry point imports its
 * `tracing-first` module first); undefined when tracing is off.
 */
export function startTracing(serviceName: string, env: NodeJS.ProcessEnv = process.env): Tracing | undefined {
  if (started || !tracingWanted(env)) return started;
  const resource = new Resource({ [ATTR_SERVICE_NAME]: env.OTEL_SERVICE_NAME ?? serviceName });
  const spanProcessor = new BatchSpanProcessor(new AllowlistExporter(new OTLPTraceExporter()));
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({ disableOutgoingRequestInstrumentation: true }),
      // SQL outside a traced request or activity (pool housekeeping, start-up) would be a trace of its own: noise.
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  started = { resource, spanProcessor, shutdown: () => provider.shutdown() };
  return started;
}

/** The process's tracing, if it was started. */
export const currentTracing = (): Tracing | undefined => started;
