import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { WORKBENCH_BUILD_DIR } from '../../api/workbench/workbench-settings';
import { ensureWorkbenchBuilt } from '../../scripts/lib/workbench-build';

/**
 * What a clerk's browser downloads before the first page: every script of the build, gzipped as the API's proxy
 * would send it. React, Ant Design with its Chinese locale, and the JSON-schema form library make most of it; a
 * new dependency that grows it past the budget must earn the room (or be loaded only where it is needed).
 */
const SCRIPT_BUDGET_GZIP_BYTES = 560 * 1024;

describe('the workbench’s size budget', function () {
  this.timeout(120_000);

  it(`ships at most ${SCRIPT_BUDGET_GZIP_BYTES / 1024} KiB of gzipped JavaScript`, function () {
    ensureWorkbenchBuilt();
    const assets = path.join(WORKBENCH_BUILD_DIR, 'assets');
    const scripts = readdirSync(assets).filter((file) => file.endsWith('.js'));
    assert.ok(scripts.length > 0, 'the build has scripts');
    const gzipped = scripts.reduce(
      (sum, file) => sum + gzipSync(readFileSync(path.join(assets, file))).length,
      0,
    );
    assert.ok(
      gzipped <= SCRIPT_BUDGET_GZIP_BYTES,
      `${(gzipped / 1024).toFixed(0)} KiB gzipped > ${SCRIPT_BUDGET_GZIP_BYTES / 1024} KiB`,
    );
  });
});
