/** Imported first by the worker's entry point: tracing must patch pg before anything loads it. */
import { startTracing } from '../platform/tracing/tracing';

startTracing('onething-worker');
