import type { Db } from '../db/connection';
import type { AuditLogPort } from './audit-log/port';
import { PostgresAuditLog } from './audit-log/postgres';
import type { CalendarPort } from './calendar/port';
import { PostgresCalendar } from './calendar/postgres';
import type { CaseProgressPort } from './case-progress/port';
import { PostgresCaseProgress } from './case-progress/postgres';
import type { CaseRegistryPort } from './case-registry/port';
import { PostgresCaseRegistry } from './case-registry/postgres';
import type { CityFinancePort } from './city-finance/port';
import type { CivilAffairsPort } from './civil-affairs/port';
import { PostgresCivilAffairs } from './civil-affairs/postgres';
import type { CreditPlatformPort } from './credit-platform/port';
import { PostgresCreditPlatform } from './credit-platform/postgres';
import { PostgresCityFinance } from './city-finance/postgres';
import type { DistrictFinancePort } from './district-finance/port';
import { PostgresDistrictFinance } from './district-finance/postgres';
import type { FireSafetyPort } from './fire-safety/port';
import { PostgresFireSafety } from './fire-safety/postgres';
import type { GasCompanyPort } from './gas-company/port';
import { PostgresGasCompany } from './gas-company/postgres';
import type { HealthCommissionPort } from './health-commission/port';
import { PostgresHealthCommission } from './health-commission/postgres';
import type { PetitionIndexPort } from './petition-index/port';
import { PostgresPetitionIndex } from './petition-index/postgres';
import type { PetitionOfficePort } from './petition-office/port';
import { PostgresPetitionOffice } from './petition-office/postgres';
import type { PublicSupervisionPort } from './public-supervision/port';
import { PostgresPublicSupervision } from './public-supervision/postgres';
import type { InstallerPort } from './installer/port';
import { PostgresInstaller } from './installer/postgres';
import type { MarketRegulationPort } from './market-regulation/port';
import { PostgresMarketRegulation } from './market-regulation/postgres';
import type { TaskBoardPort } from './task-board/port';
import type { TaxPort } from './tax/port';
import { PostgresTax } from './tax/postgres';
import type { ScienceTechnologyPort } from './science-technology/port';
import { PostgresScienceTechnology } from './science-technology/postgres';
import type { IntellectualPropertyPort } from './intellectual-property/port';
import { PostgresIntellectualProperty } from './intellectual-property/postgres';
import type { HumanResourcesPort } from './human-resources/port';
import { PostgresHumanResources } from './human-resources/postgres';
import type { ZhenghaobanPort } from './zhenghaoban/port';
import type { PolicyCataloguePort } from './policy-catalogue/port';
import { PostgresPolicyCatalogue } from './policy-catalogue/postgres';
import type { PolicyFundsPort } from './policy-funds/port';
import { PostgresPolicyFunds } from './policy-funds/postgres';
import { PostgresZhenghaoban } from './zhenghaoban/postgres';
import { PostgresTaskBoard } from './task-board/postgres';

/** One adapter per department system, plus the platform's own case registry and task board. */
export interface Adapters {
  caseRegistry: CaseRegistryPort;
  /** The case registry and the task board told together (a case's progress). */
  caseProgress: CaseProgressPort;
  auditLog: AuditLogPort;
  taskBoard: TaskBoardPort;
  /** The working-day calendar: statutory holidays and make-up working days, as the city has loaded them. */
  calendar: CalendarPort;
  gasCompany: GasCompanyPort;
  installer: InstallerPort;
  cityFinance: CityFinancePort;
  districtFinance: DistrictFinancePort;
  marketRegulation: MarketRegulationPort;
  creditPlatform: CreditPlatformPort;
  healthCommission: HealthCommissionPort;
  fireSafety: FireSafetyPort;
  civilAffairs: CivilAffairsPort;
  petitionOffice: PetitionOfficePort;
  /** The petitions' weekly index (心通桥指数), counted from the case registry. */
  petitionIndex: PetitionIndexPort;
  /** The newspaper's public supervision desk (观观督办): an external party, not a department. */
  publicSupervision: PublicSupervisionPort;
  tax: TaxPort;
  scienceTechnology: ScienceTechnologyPort;
  intellectualProperty: IntellectualPropertyPort;
  humanResources: HumanResourcesPort;
  /** 郑好办's messages to enterprises (the big-data bureau runs it). */
  zhenghaoban: ZhenghaobanPort;
  /** 亲清在线's catalogue of policies, each save a version. */
  policyCatalogue: PolicyCataloguePort;
  /** The policies' budgets and payments, as finance pays them. */
  policyFunds: PolicyFundsPort;
}

export function createPostgresAdapters(db: Db): Adapters {
  return {
    caseRegistry: new PostgresCaseRegistry(db),
    caseProgress: new PostgresCaseProgress(db),
    auditLog: new PostgresAuditLog(db),
    taskBoard: new PostgresTaskBoard(db),
    calendar: new PostgresCalendar(db),
    gasCompany: new PostgresGasCompany(db),
    installer: new PostgresInstaller(db),
    cityFinance: new PostgresCityFinance(db),
    districtFinance: new PostgresDistrictFinance(db),
    marketRegulation: new PostgresMarketRegulation(db),
    creditPlatform: new PostgresCreditPlatform(db),
    healthCommission: new PostgresHealthCommission(db),
    fireSafety: new PostgresFireSafety(db),
    civilAffairs: new PostgresCivilAffairs(db),
    petitionOffice: new PostgresPetitionOffice(db),
    petitionIndex: new PostgresPetitionIndex(db),
    publicSupervision: new PostgresPublicSupervision(db),
    tax: new PostgresTax(db),
    scienceTechnology: new PostgresScienceTechnology(db),
    intellectualProperty: new PostgresIntellectualProperty(db),
    humanResources: new PostgresHumanResources(db),
    zhenghaoban: new PostgresZhenghaoban(db),
    policyCatalogue: new PostgresPolicyCatalogue(db),
    policyFunds: new PostgresPolicyFunds(db),
  };
}
