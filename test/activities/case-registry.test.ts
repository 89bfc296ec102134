import assert from 'node:assert/strict';
import type { CaseStageRecord } from '../../activities/adapters/case-registry/port';
import { PostgresCaseRegistry } from '../../activities/adapters/case-registry/postgres';
import type { Db } from '../../activities/db/connection';
import { openTestDb, uniqueAccountRef } from '../helpers/database';

describe('case registry (PostgreSQL)', function () {
  let db: Db;
  let registry: PostgresCaseRegistry;
  before(function () {
    db = openTestDb();
    registry = new PostgresCaseRegistry(db);
  });
  after(() => db.destroy());

  const record = (caseId: string, stage: string, stageSeq: number): CaseStageRecord => ({
    caseId,
    process: 'gas-retrofit-household',
    district: 'erqi',
    stage,
    stageSeq,
    details: { accountRef: 'EQ-000001' },
  });

  it('keeps the newest stage, whatever order the updates arrive in', async function () {
    const caseId = `gas-retrofit:erqi:${uniqueAccountRef('EQ')}`;
    await registry.recordStage(record(caseId, 'eligibility-check', 1));
    await registry.recordStage(record(caseId, 'eligible', 2));
    await registry.recordStage(record(caseId, 'eligibility-check', 1)); // a late retry of the first update
    const stored = await registry.find(caseId);
    assert.equal(stored?.stage, 'eligible');
    assert.equal(stored?.stageSeq, 2);
  });

  it('finds nothing for an unknown case', async function () {
    assert.equal(await registry.find('gas-retrofit:erqi:NOPE-0000'), undefined);
  });
});
