/** Policy payout in workflow tests: a catalogue policy, enterprises the departments know, actors, a driver per case. */
import type { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Adapters } from '../../activities/adapters';
import type { PolicyTerms } from '../../activities/adapters/policy-catalogue/terms';
import { startOnce } from '../../platform/start-once';
import {
  exampleCreditCode,
  registerEnterprise,
  type EnterpriseProfile,
} from '../../processes/policy-payout/demo-enterprises';
import { RULE_LANGUAGE } from '../../processes/policy-payout/policy/rule-language';
import type { Judgment } from '../../processes/policy-payout/policy/judge';
import {
  policyPayoutStateQuery,
  policyPayoutUpdates,
  type PolicyOfCase,
  type PolicyPayoutAction,
  type PolicyPayoutActionArgs,
  type PolicyPayoutCaseState,
  type PolicyPayoutStage,
} from '../../processes/policy-payout/workflow/contract';
import { payoutCaseStart, roundStart } from '../../processes/policy-payout/workflow/starts';
import type { Actor, District } from '../../workflows/kit/vocabulary';
import { ProcessCaseDriver } from '../helpers/case-driver';
import { uniqueAccountRef } from '../helpers/database';

export class PayoutDriver extends ProcessCaseDriver<
  PolicyPayoutCaseState,
  PolicyPayoutStage,
  PolicyPayoutAction,
  PolicyPayoutActionArgs
> {
  constructor(client: Client, caseId: string) {
    super(client, caseId, policyPayoutStateQuery, policyPayoutUpdates);
  }

  /** Moves the server's clock a day at a time until the case reaches the stage (working-day periods vary). */
  async skipUntil(
    env: TestWorkflowEnvironment,
    stage: PolicyPayoutStage,
    maxDays = 40,
  ): Promise<PolicyPayoutCaseState> {
    for (let day = 0; day <= maxDays; day += 1) {
      const state = await this.state();
      if (state.stage === stage && !state.workingOn) return state;
      await env.sleep('1 day');
    }
    return this.waitForStage(stage, 5_000);
  }
}

export const policyActors = {
  enterprise: (creditCode: string, district: District): Actor => ({
    userId: `legal-${creditCode}`,
    department: 'enterprise',
    district,
    roles: ['legal-person'],
    creditCode,
  }),
  issuer: (role: 'clerk' | 'supervisor', department: Actor['department'] = 'science-technology'): Actor => ({
    userId: `${department}-${role}`,
    department,
    district: 'city',
    roles: [role],
  }),
  cityFinance: (): Actor => ({
    userId: 'cf-1',
    department: 'city-finance',
    district: 'city',
    roles: ['finance'],
  }),
};

/** 高新技术企业研发费用后补助: 10 % of last year's R&D spend, at most ¥200,000, 免申即享 in gaoxin. */
export const rdTerms = (overrides: Partial<PolicyTerms> = {}): PolicyTerms => ({
  title: '高新技术企业研发费用后补助',
  legalBasis: '郑政〔2025〕12号 第三条',
  issuer: { department: 'science-technology', area: 'city' },
  kind: 'subsidy',
  mode: 'automatic',
  scope: ['gaoxin'],
  eligibility: [
    { name: '依法登记且存续', logic: { '==': [{ var: 'market.status' }, 'active'] } },
    { name: '高新技术企业', logic: { '==': [{ var: 'science.highTech' }, true] } },
    { name: '纳税信用A或B级', logic: { in: [{ var: 'tax.creditGrade' }, ['A', 'B']] } },
  ],
  amount: { kind: 'percentage', fact: 'science.rdSpendLastYearFen', basisPoints: 1_000, capFen: 20_000_000 },
  window: { opens: '2026-01-01', closes: '2099-12-31' },
  review: 'automatic',
  noticeWorkingDays: 5,
  confirmWorkingDays: 10,
  materials: ['研发费用专项审计报告', '高新技术企业证书'],
  whenBudgetRunsOut: 'first-come',
  budgets: {},
  ...overrides,
});

/** Saves the terms as a new policy in the catalogue, with a budget for the years given (fen). */
export async function catalogued(
  adapters: Adapters,
  terms: PolicyTerms,
  budgets: Record<number, number>,
): Promise<PolicyOfCase> {
  const policyId = uniqueAccountRef('t').toLowerCase();
  const saved = await adapters.policyCatalogue.save(
    policyId,
    RULE_LANGUAGE,
    { ...terms, budgets: Object.fromEntries(Object.entries(budgets).map(([y, fen]) => [y, fen])) },
    'test',
  );
  return { policyId: saved.policyId, version: saved.version, terms: saved.terms };
}

/** A judgment as a round would hand a case: eligible, owed `amountFen` (for cases a test starts itself). */
export const owedJudgment = (policy: PolicyOfCase, amountFen: number): Judgment => ({
  policyId: policy.policyId,
  version: policy.version,
  ruleLanguage: RULE_LANGUAGE,
  eligible: true,
  rules: [],
  amountFen,
  facts: {
    market: { status: 'active', industry: 'C39', district: 'gaoxin', yearsRegistered: 10 },
    tax: { creditGrade: 'A', paidLastYearFen: 0 },
    science: { highTech: true, rdSpendLastYearFen: null },
    ip: { patentsInForce: 0, patentsConvertedLastYear: 0 },
    hr: { insuredEmployees: null },
  },
  judgedOn: '2026-12-07',
});

let nextSerial = 5_000_000 + Math.floor(Math.random() * 1_000_000);

/** A high-tech enterprise in gaoxin that every rule of `rdTerms` passes (¥3,000,000 R&D: capped at ¥200,000). */
export async function eligibleEnterprise(
  adapters: Adapters,
  year: number,
  profile: Partial<EnterpriseProfile> = {},
): Promise<string> {
  nextSerial += 1;
  return registerEnterprise(
    adapters,
    {
      serial: nextSerial,
      name: '郑州某精密制造有限公司',
      district: 'gaoxin',
      industry: 'C39',
      registeredOn: '2015-05-01',
      tax: { grade: 'A', paidFen: 80_000_000 },
      highTech: true,
      rdSpendFen: 300_000_000,
      insured: 120,
      ...profile,
    },
    year,
  );
}

export async function startPayoutCase(
  client: Client,
  taskQueue: string,
  input: Parameters<typeof payoutCaseStart>[0],
): Promise<PayoutDriver> {
  const { workflowId } = await startOnce(client, taskQueue, payoutCaseStart(input));
  return new PayoutDriver(client, workflowId);
}

/**
 * Waits until the round has completed, by describing it: awaiting its result would let the time-skipping server
 * skip ahead while the round sleeps, and the cases it started would see their timers fire.
 */
export async function roundCompleted(client: Client, roundId: string): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt += 1) {
    if ((await client.workflow.getHandle(roundId).describe()).status.name === 'COMPLETED') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`round ${roundId} did not complete`);
}

export async function startRound(
  client: Client,
  taskQueue: string,
  input: Parameters<typeof roundStart>[0],
): Promise<string> {
  const { workflowId } = await startOnce(client, taskQueue, roundStart(input));
  return workflowId;
}

export { exampleCreditCode };
