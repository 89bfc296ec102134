/** `npm run build`: writes the prebuilt workflow bundle that production workers load (WORKFLOW_BUNDLE_PATH). */
import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { PROJECT_ROOT } from '../platform/config';
import { PLATFORM_BUNDLE_OPTIONS } from './bundle-options';
import { tracingWanted } from '../platform/tracing/tracing';

const OTEL_WORKFLOW_INTERCEPTORS =
  require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors');

async function main(): Promise<void> {
  // Built with tracing on (OTEL_* set), the bundle holds the workflow side of the traces as well.
  const tracingModules = tracingWanted() ? [OTEL_WORKFLOW_INTERCEPTORS] : [];
  const { code } = await bundleWorkflowCode({
    ...PLATFORM_BUNDLE_OPTIONS,
    workflowInterceptorModules: [...PLATFORM_BUNDLE_OPTIONS.workflowInterceptorModules, ...tracingModules],
  });
  const out = path.join(PROJECT_ROOT, 'dist', 'workflow-bundle.js');
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, code);
  process.stdout.write(`workflow bundle written to ${out}\n`);
}

main().catch((error) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
