/** `npm run build`: writes the prebuilt workflow bundle that production workers load (WORKFLOW_BUNDLE_PATH). */
import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { PROJECT_ROOT } from '../platform/config';
import { PLATFORM_BUNDLE_OPTIONS } from './bundle-options';

async function main(): Promise<void> {
  const { code } = await bundleWorkflowCode(PLATFORM_BUNDLE_OPTIONS);
  const out = path.join(PROJECT_ROOT, 'dist', 'workflow-bundle.js');
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, code);
  process.stdout.write(`workflow bundle written to ${out}\n`);
}

main().catch((error) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
