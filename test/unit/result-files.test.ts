import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freshResultBase } from '../../bench/result-files';

describe('bench result files', function () {
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(path.join(os.tmpdir(), 'onething-results-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('a second run the same day writes beside the first instead of over it', function () {
    const first = freshResultBase(folder, '2026-12-02-quick');
    assert.equal(first, path.join(folder, '2026-12-02-quick'));
    writeFileSync(`${first}.json`, '{}');
    const second = freshResultBase(folder, '2026-12-02-quick');
    assert.equal(second, path.join(folder, '2026-12-02-quick-2'));
    writeFileSync(`${second}.json`, '{}');
    assert.equal(freshResultBase(folder, '2026-12-02-quick'), path.join(folder, '2026-12-02-quick-3'));
    assert.equal(
      freshResultBase(folder, '2026-12-02'),
      path.join(folder, '2026-12-02'),
      'another name is its own',
    );
  });
});
