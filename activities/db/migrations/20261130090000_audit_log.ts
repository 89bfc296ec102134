import type { Knex } from 'knex';

/** How long an audit record must be kept before the retention job may delete it. */
export const AUDIT_RETENTION_DAYS = 180;

/**
 * The platform's append-only record of access decisions Temporal does not keep: refused decisions (a rejected
 * Update leaves no trace in history), permission denials, unmasking reads and codec-server use. The database
 * itself refuses UPDATE, and DELETE of any record younger than the retention period, whichever role asks.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.withSchema('onething').createTable('audit_log', (t) => {
    t.bigIncrements('id').primary();
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.text('actor_id').notNullable();
    t.text('actor_department');
    t.text('actor_district');
    t.specificType('actor_roles', 'text[]').notNullable().defaultTo('{}');
    t.text('action').notNullable();
    t.text('outcome').notNullable();
    t.text('reason').notNullable().defaultTo('');
    t.text('case_id');
    // References and rule names only: never personal data.
    t.jsonb('details').notNullable().defaultTo('{}');
    t.index(['case_id', 'at']);
    t.index(['at']);
  });
  await db.raw(`ALTER TABLE onething.audit_log
    ADD CONSTRAINT audit_log_outcome_check CHECK (outcome IN ('allowed', 'refused'))`);
  await db.raw(`
    CREATE FUNCTION onething.audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP IN ('UPDATE', 'TRUNCATE') THEN
        RAISE EXCEPTION 'onething.audit_log is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END IF;
      IF OLD.at > now() - interval '${AUDIT_RETENTION_DAYS} days' THEN
        RAISE EXCEPTION 'onething.audit_log keeps records for ${AUDIT_RETENTION_DAYS} days: record % is younger', OLD.id
          USING ERRCODE = 'insufficient_privilege';
      END IF;
      RETURN OLD;
    END $$`);
  // The time of a record is the database's, never the caller's: nothing can be written already past retention.
  await db.raw(`
    CREATE FUNCTION onething.audit_log_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN NEW.at := now(); RETURN NEW; END $$`);
  await db.raw(`CREATE TRIGGER audit_log_stamp BEFORE INSERT ON onething.audit_log
    FOR EACH ROW EXECUTE FUNCTION onething.audit_log_stamp()`);
  await db.raw(`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON onething.audit_log
    FOR EACH ROW EXECUTE FUNCTION onething.audit_log_guard()`);
  await db.raw(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON onething.audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION onething.audit_log_guard()`);
}

export async function down(db: Knex): Promise<void> {
  await db.schema.withSchema('onething').dropTableIfExists('audit_log');
  await db.raw('DROP FUNCTION IF EXISTS onething.audit_log_guard()');
  await db.raw('DROP FUNCTION IF EXISTS onething.audit_log_stamp()');
}
