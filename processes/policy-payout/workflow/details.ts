/**
 * What a supervisor reads in the Web UI about a policy case: a one-line summary and current details at every stage.
 * The enterprise is an organisation and the policy is public: both may show; its account number never does.
 */
import { DEPARTMENTS, DISTRICTS, type Department } from '../../../workflows/kit/vocabulary';
import { bulkStage, type BulkProgress, type BulkStage } from '../../../workflows/kit/bulk-progress';
import type { PolicyOfCase, PolicyPayoutCaseState, PolicyPayoutStage, PolicyRoundInput } from './contract';

export const PAYOUT_STAGE_LABELS: Record<PolicyPayoutStage, string> = {
  'awaiting-confirmation': '免申即享：待企业确认收款账户',
  'completeness-check': '材料完整性审核',
  'awaiting-correction': '审核补缴漏：待企业补正',
  'department-review': '主管部门审核',
  'public-notice': '公示中',
  'objection-review': '公示异议核查',
  payment: '资金拨付',
  'awaiting-next-budget': '本年度资金已用完，待下一年度资金',
  'payment-incident': '拨付异常，待财政处理',
  paid: '已兑现',
  conferred: '已授予荣誉',
  declined: '企业放弃',
  lapsed: '逾期未确认，已失效',
  refused: '不予兑现',
  'budget-exhausted': '年度资金已用完，未兑现',
};

/** Who holds a case at each stage when no task names someone (the enterprise, where it must act); undefined once ended. */
export function holderOf(state: Pick<PolicyPayoutCaseState, 'stage' | 'policy'>): Department | undefined {
  const issuer = state.policy.terms.issuer.department;
  switch (state.stage) {
    case 'awaiting-confirmation':
    case 'awaiting-correction':
      return 'enterprise';
    case 'completeness-check':
    case 'department-review':
    case 'public-notice':
    case 'objection-review':
      return issuer;
    case 'payment':
    case 'awaiting-next-budget':
    case 'payment-incident':
      return payingDepartment(state.policy);
    default:
      return undefined;
  }
}

/** A district's policy is paid by its district's finance bureau; a city policy by city finance. */
export function payingDepartment(policy: PolicyOfCase): 'city-finance' | 'district-finance' {
  return policy.terms.issuer.area === 'city' ? 'city-finance' : 'district-finance';
}

/** `亲清在线 · 高新技术企业研发费用后补助 · 2026 · 高新区` */
export function payoutSummary(policy: PolicyOfCase, year: number, district: keyof typeof DISTRICTS): string {
  return `亲清在线 · ${policy.terms.title} · ${year} · ${DISTRICTS[district]}`;
}

const fen = (amount: number) => `¥${(amount / 100).toFixed(2)}`;

export function payoutDetails(state: PolicyPayoutCaseState): string {
  const lines = [
    `**阶段**：${PAYOUT_STAGE_LABELS[state.stage]}（${state.stage}）`,
    `**政策**：${state.policy.terms.title}（${state.policy.policyId} 第 ${state.policy.version} 版，${DEPARTMENTS[state.policy.terms.issuer.department]}）`,
  ];
  if (state.openTask) {
    lines.push(
      `**当前负责**：${DEPARTMENTS[state.openTask.department]} · ${state.openTask.role}`,
      `**截止**：${state.openTask.dueAt}（法定工作日）`,
    );
  }
  if (state.enterpriseDue) {
    const { due, reminded } = state.enterpriseDue;
    lines.push(`**企业办理截止**：${due.dueAt}${reminded ? '（已提醒）' : ''}`);
  }
  if (state.corrections > 0) lines.push(`**补正**：${state.corrections} 次`);
  if (state.judgment) {
    const failed = state.judgment.rules.filter((rule) => !rule.passed).map((rule) => rule.name);
    lines.push(
      failed.length > 0
        ? `**未满足**：${failed.join('、')}`
        : `**测算金额**：${fen(state.judgment.amountFen)}`,
    );
  }
  if (state.notice)
    lines.push(`**公示至**：${state.notice.due.dueAt}，异议 ${state.notice.objections.length} 件`);
  if (state.payment)
    lines.push(`**已拨付**：${fen(state.payment.amountFen)}（${state.payment.budgetYear} 年度资金）`);
  if (state.outcome) lines.push(`**结果**：${state.outcome.reason}`);
  return lines.join('\n\n');
}

const ROUND_STAGE_LABELS: Record<BulkStage, string> = {
  running: '比对中',
  paused: '已暂停',
  finished: '已完成',
};

export function roundDetails(input: PolicyRoundInput, progress: BulkProgress): string {
  const lines = [
    `**阶段**：${ROUND_STAGE_LABELS[bulkStage(progress)]}`,
    `**政策**：${input.policy.terms.title}（第 ${input.policy.version} 版）`,
    `**已立案**：${progress.started} 家；已有办件 ${progress.alreadyStarted} 家；已比对 ${progress.pages} 页`,
    `**当前负责**：${DEPARTMENTS[input.policy.terms.issuer.department]}`,
  ];
  if (progress.lastDecision) {
    const { action, by, at } = progress.lastDecision;
    lines.push(`**最近操作**：${action} · ${by} · ${at}`);
  }
  return lines.join('\n\n');
}
