/** What every bundle of the platform's workflows holds, whoever builds it: workers, the audit replayer, tests. */
import type { BundleOptions } from '@temporalio/worker';
import { FAILURE_CONVERTER_PATH } from '../platform/codec/data-converter';

export const WORKFLOWS_PATH = require.resolve('../workflows');
export const WORKFLOW_INTERCEPTOR_MODULES = [require.resolve('../workflows/kit/refuse-foreign-payloads')];

export const PLATFORM_BUNDLE_OPTIONS = {
  workflowsPath: WORKFLOWS_PATH,
  // The failure converter runs inside the workflow sandbox too, so it is bundled with the workflows.
  failureConverterPath: FAILURE_CONVERTER_PATH,
  workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES,
} satisfies BundleOptions;
