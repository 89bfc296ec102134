/**
 * Loaded by path into workers and the workflow bundle: failure messages and stack traces are moved into an
 * encoded payload, so the payload codec encrypts them like any other data.
 */
import { DefaultFailureConverter } from '@temporalio/common';

export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
