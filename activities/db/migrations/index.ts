import type { Knex } from 'knex';
import * as caseRegistry from './20261129090000_case_registry';
import * as gasCompany from './20261129090100_gas_company';
import * as gasRetrofitDepartments from './20261129110000_gas_retrofit_departments';
import * as serviceContacts from './20261129120000_service_contacts';
import * as campaignBacklog from './20261129130000_campaign_backlog';
import * as auditLog from './20261130090000_audit_log';
import * as contactIdNumber from './20261130100000_contact_id_number';
import * as calendarYears from './20261130120000_calendar_years';
import * as childcareDepartments from './20261201090000_childcare_departments';
import * as childcareCase from './20261201100000_childcare_case';
import * as petitions from './20261201110000_petitions';
import * as publicSupervision from './20261202090000_public_supervision';
import * as petitionWeeklyIndex from './20261202100000_petition_weekly_index';
import * as ledgerBookedAtDefault from './20261202120000_ledger_booked_at_default';
import * as personalDataAccessRetention from './20261206090000_personal_data_access_retention';
import * as staffChanges from './20261206100000_staff_changes';
import * as pressDesk from './20261206110000_press_desk';
import * as eligibilityItemsNotFit from './20261206120000_eligibility_items_not_fit';
import * as policyPayout from './20261207090000_policy_payout';
import * as policyPaymentLedger from './20261207100000_policy_payment_ledger';

type Migration = Knex.Migration;

/**
 * Every migration, in order. Listed explicitly (rather than read from the folder) so that the same list works
 * under tsx, compiled to dist/, and in any bundler, and so that a missing file fails the typecheck.
 */
export const MIGRATIONS: ReadonlyArray<readonly [name: string, migration: Migration]> = [
  ['20261129090000_case_registry', caseRegistry],
  ['20261129090100_gas_company', gasCompany],
  ['20261129110000_gas_retrofit_departments', gasRetrofitDepartments],
  ['20261129120000_service_contacts', serviceContacts],
  ['20261129130000_campaign_backlog', campaignBacklog],
  ['20261130090000_audit_log', auditLog],
  ['20261130100000_contact_id_number', contactIdNumber],
  ['20261130120000_calendar_years', calendarYears],
  ['20261201090000_childcare_departments', childcareDepartments],
  ['20261201100000_childcare_case', childcareCase],
  ['20261201110000_petitions', petitions],
  ['20261202090000_public_supervision', publicSupervision],
  ['20261202100000_petition_weekly_index', petitionWeeklyIndex],
  ['20261202120000_ledger_booked_at_default', ledgerBookedAtDefault],
  ['20261206090000_personal_data_access_retention', personalDataAccessRetention],
  ['20261206100000_staff_changes', staffChanges],
  ['20261206110000_press_desk', pressDesk],
  ['20261206120000_eligibility_items_not_fit', eligibilityItemsNotFit],
  ['20261207090000_policy_payout', policyPayout],
  ['20261207100000_policy_payment_ledger', policyPaymentLedger],
];

export const migrationSource: Knex.MigrationSource<readonly [string, Migration]> = {
  getMigrations: () => Promise.resolve([...MIGRATIONS]),
  getMigrationName: ([name]) => name,
  getMigration: ([, migration]) => Promise.resolve(migration),
};
