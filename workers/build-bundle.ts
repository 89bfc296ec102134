/** `npm run build`: writes the prebuilt workflow bundle that production workers load (WORKFLOW_BUNDLE_PATH). */
import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { FAILURE_CONVERTER_PATH } from '../platform/codec/data-converter';
import { PROJECT_ROOT } from '../platform/config';
import { WORKFLOWS_PATH } from './process-worker';

async function main(): Promise<void> {
  // The failure converter runs inside the workflow sandbox too, so it is bundled with the workflows.
  const { code } = await bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    failureConverterPath: FAILURE_CONVERTER_PATH,
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
