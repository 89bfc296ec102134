import assert from 'node:assert/strict';
import { PostgresAuditLog, RetentionPeriodError } from '../../activities/adapters/audit-log/postgres';
import type { Db } from '../../activities/db/connection';
import type { Actor } from '../../workflows/definitions';
import { openTestDb, uniqueAccountRef } from '../helpers/database';

const actor: Actor = { userId: 'clerk-7', department: 'gas-company', district: 'erqi', roles: ['clerk'] };

describe('audit log (PostgreSQL)', function () {
  let db: Db;
  let auditLog: PostgresAuditLog;
  let caseId: string;
  before(async function () {
    db = openTestDb();
    auditLog = new PostgresAuditLog(db);
    caseId = `gas-retrofit:erqi:${uniqueAccountRef('EQ')}`;
    await auditLog.record({
      actor,
      action: 'decision:acceptance',
      outcome: 'refused',
      reason: 'requires the role gas-company inspector',
      caseId,
      details: { stage: 'awaiting-acceptance' },
    });
  });
  after(() => db.destroy());

  it('keeps who, what, when and why for a case', async function () {
    const [entry, ...rest] = await auditLog.forCase(caseId);
    assert.equal(rest.length, 0);
    assert.deepEqual(entry?.actor, actor);
    assert.equal(entry?.outcome, 'refused');
    assert.equal(entry?.reason, 'requires the role gas-company inspector');
    assert.deepEqual(entry?.details, { stage: 'awaiting-acceptance' });
    assert.ok(Date.now() - Date.parse(entry.at) < 60_000);
  });

  it('stamps the time itself: a caller cannot write a record already past retention', async function () {
    const plantedCaseId = `${caseId}-planted`;
    await db('onething.audit_log').insert({
      actor_id: 'clerk-7',
      action: 'contact:unmask',
      outcome: 'allowed',
      case_id: plantedCaseId,
      at: db.raw("now() - interval '400 days'"),
    });
    const [entry] = await auditLog.forCase(plantedCaseId);
    assert.ok(Date.now() - Date.parse(entry!.at) < 60_000);
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself, whoever asks', async function () {
    await assert.rejects(
      db('onething.audit_log').where({ case_id: caseId }).update({ reason: 'changed' }),
      /append-only: UPDATE is not allowed/,
    );
    await assert.rejects(
      db('onething.audit_log').where({ case_id: caseId }).delete(),
      /keeps records for 180 days/,
    );
    await assert.rejects(db.raw('TRUNCATE onething.audit_log'), /append-only: TRUNCATE is not allowed/);
    assert.equal((await auditLog.forCase(caseId)).length, 1);
  });

  it('the retention job deletes records past 180 days, reads of personal data past 3 years, and refuses a shorter period', async function () {
    await assert.rejects(auditLog.deleteOlderThan(179), RetentionPeriodError);
    await assert.rejects(auditLog.deleteOlderThan(Number.NaN), RetentionPeriodError);
    // Backdated records: inserts are stamped now(), so only a superuser with triggers off can plant one.
    const planted = async (suffix: string, action: string, age: string) => {
      const plantedId = `${caseId}-${suffix}`;
      await db.transaction(async (trx) => {
        await trx.raw("SET LOCAL session_replication_role = 'replica'");
        await trx('onething.audit_log').insert({
          actor_id: 'clerk-7',
          action,
          outcome: 'refused',
          case_id: plantedId,
          at: trx.raw(`now() - interval '${age}'`),
        });
      });
      return plantedId;
    };
    const oldRefusal = await planted('old-refusal', 'decision:acceptance', '200 days');
    const oldUnmasking = await planted('old-unmask', 'contact:unmask', '200 days');
    const oldReportRead = await planted('old-report-read', 'petition:read-report-post', '2 years');
    const ancientUnmasking = await planted('ancient-unmask', 'petition:unmask', '3 years 1 day');
    const deleted = await auditLog.deleteOlderThan(180);
    assert.ok(deleted >= 2);
    assert.equal((await auditLog.forCase(oldRefusal)).length, 0);
    assert.equal((await auditLog.forCase(ancientUnmasking)).length, 0);
    // Reads of personal data are kept three years (PIPL art. 56), by the job and by the database alike.
    assert.equal((await auditLog.forCase(oldUnmasking)).length, 1);
    assert.equal((await auditLog.forCase(oldReportRead)).length, 1);
    await assert.rejects(
      db('onething.audit_log').where({ case_id: oldReportRead }).delete(),
      /keeps records of access to personal data for 3 years \(PIPL art\. 56\)/,
    );
    assert.equal((await auditLog.forCase(caseId)).length, 1);
  });
});
