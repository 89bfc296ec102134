/** Imported first by the API's entry point: tracing must patch http and pg before anything loads them. */
import { startTracing } from '../platform/tracing/tracing';

startTracing('onething-api');
