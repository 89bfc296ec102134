/**
 * What a supervisor reads in the Web UI about an application: a one-line summary, and current details kept up to
 * date at every stage. The provider is an organisation: its name and site may show; its staff never do.
 */
import { DEPARTMENTS, DISTRICTS, type Department } from '../../../workflows/kit/vocabulary';
import type { ChildcareCaseState, ChildcareProvider, ChildcareStage } from './contract';

export const CHILDCARE_STAGE_LABELS: Record<ChildcareStage, string> = {
  'completeness-check': '卫健委材料完整性审核',
  'awaiting-correction': '退回补正',
  'department-checks': '市场监管、信用、消防、民政并联核查',
  'site-inspection': '现场核查',
  'health-approval': '卫健委审批',
  'finance-approval': '财政审批',
  payment: '补助拨付',
  'payment-incident': '拨付异常，待财政处理',
  registered: '已纳入托育机构名录',
  refused: '不予补助',
  withdrawn: '已撤回',
};

/** Who holds an application at each stage when no task names someone; undefined once nobody must act. */
export const CHILDCARE_STAGE_HOLDERS: Record<ChildcareStage, Department | undefined> = {
  'completeness-check': 'health-commission',
  'awaiting-correction': 'health-commission',
  'department-checks': 'health-commission',
  'site-inspection': 'health-commission',
  'health-approval': 'health-commission',
  'finance-approval': 'district-finance',
  payment: 'district-finance',
  'payment-incident': 'district-finance',
  registered: undefined,
  refused: undefined,
  withdrawn: undefined,
};

/** `普惠托育建设补助 · 金水区 · 农科路社区 · 30 托位` */
export function applicationSummary(provider: ChildcareProvider, slots: number): string {
  return `普惠托育建设补助 · ${DISTRICTS[provider.district]} · ${provider.community} · ${slots} 托位`;
}

const fen = (amount: number) => `¥${(amount / 100).toFixed(2)}`;

export function applicationDetails(state: ChildcareCaseState): string {
  const lines = [`**阶段**：${CHILDCARE_STAGE_LABELS[state.stage]}（${state.stage}）`];
  if (state.openTask) {
    lines.push(
      `**当前负责**：${DEPARTMENTS[state.openTask.department]} · ${state.openTask.role}` +
        (state.openTask.escalationRung > 0 ? `（已升级 ${state.openTask.escalationRung} 级）` : ''),
      `**截止**：${state.openTask.dueAt}（法定工作日）`,
    );
  }
  if (state.corrections > 0) lines.push(`**补正**：${state.corrections} 次`);
  if (state.subsidy) {
    const { amount } = state.subsidy;
    lines.push(
      `**补助测算**：按托位 ${fen(amount.perSlotFen)}，按投资 60% ${fen(amount.investmentShareFen)}；` +
        `适用 ${amount.applied === 'per-slot' ? '按托位' : '按投资'} ${fen(amount.amountFen)}`,
    );
  }
  const failed = [
    ...(state.departmentChecks ?? []).filter((c) => !c.passed).map((c) => c.check),
    ...(state.subsidy?.rules ?? []).filter((r) => !r.passed).map((r) => r.rule),
  ];
  if (failed.length > 0) lines.push(`**未通过**：${failed.join('、')}`);
  if (state.refusal) lines.push(`**不予补助**：${DEPARTMENTS[state.refusal.by]}`);
  if (state.payment) lines.push(`**已拨付**：${fen(state.payment.amountFen)}`);
  const graded = state.quality?.evaluations ?? [];
  if (graded.length > 0) lines.push(`**质量评估**：${graded.map((e) => `${e.year} ${e.grade}`).join('，')}`);
  return lines.join('\n\n');
}
