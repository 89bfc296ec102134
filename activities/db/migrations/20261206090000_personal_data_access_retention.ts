import type { Knex } from 'knex';
import { AUDIT_RETENTION_DAYS } from './20261130090000_audit_log';

/** Records of access to personal data are kept at least three years (PIPL art. 56); other audit rows as before. */
export const PERSONAL_DATA_ACCESS_RETENTION = '3 years';
/** Unmasking a contact or a petitioner, and reading a report's post: the reads of personal data the API audits. */
export const PERSONAL_DATA_ACCESS_ACTIONS = [
  'contact:unmask',
  'petition:unmask',
  'petition:read-report-post',
];

const guard = (personalDataRule: string) => `
  CREATE OR REPLACE FUNCTION onething.audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP IN ('UPDATE', 'TRUNCATE') THEN
      RAISE EXCEPTION 'onething.audit_log is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF OLD.at > now() - interval '${AUDIT_RETENTION_DAYS} days' THEN
      RAISE EXCEPTION 'onething.audit_log keeps records for ${AUDIT_RETENTION_DAYS} days: record % is younger', OLD.id
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    ${personalDataRule}
    RETURN OLD;
  END $$`;

export async function up(db: Knex): Promise<void> {
  const actions = PERSONAL_DATA_ACCESS_ACTIONS.map((action) => `'${action}'`).join(', ');
  // Generated from the action, so no writer (nor a restore with triggers off) can file a read as ordinary.
  await db.raw(`ALTER TABLE onething.audit_log
    ADD COLUMN personal_data boolean GENERATED ALWAYS AS (action IN (${actions})) STORED`);
  await db.raw(
    guard(`IF OLD.personal_data AND OLD.at > now() - interval '${PERSONAL_DATA_ACCESS_RETENTION}' THEN
      RAISE EXCEPTION 'onething.audit_log keeps records of access to personal data for ${PERSONAL_DATA_ACCESS_RETENTION} (PIPL art. 56): record % is younger', OLD.id
        USING ERRCODE = 'insufficient_privilege';
    END IF;`),
  );
}

export async function down(db: Knex): Promise<void> {
  await db.raw(guard(''));
  await db.raw('ALTER TABLE onething.audit_log DROP COLUMN personal_data');
}
