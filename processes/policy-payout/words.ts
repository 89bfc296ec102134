/** A policy payout case in 亲清在线's own words, for the clerks' workbench (GET /v1/case-kinds). */
import type { CaseKindWords } from '../../api/case-kinds';
import type { PolicyPayoutAction, PolicyPayoutStage } from './workflow/contract';
import { PAYOUT_STAGE_LABELS } from './workflow/details';
import type { PolicyTaskKind } from './workflow/rules';

export const PAYOUT_WORDS: CaseKindWords<PolicyPayoutStage, PolicyPayoutAction, PolicyTaskKind> = {
  name: '惠企政策兑现（亲清在线）',
  stages: PAYOUT_STAGE_LABELS,
  actions: {
    confirm: '确认收款账户',
    decline: '放弃兑现',
    completeness: '材料完整性审核',
    resubmit: '补正后重新提交',
    review: '主管部门审核',
    objection: '提出公示异议',
    'objection-review': '异议核查',
    'resolve-incident': '处理拨付异常',
  },
  taskKinds: {
    completeness: '材料完整性审核',
    review: '主管部门审核',
    'objection-review': '异议核查',
    'payment-incident': '拨付异常处理',
  },
  fields: {
    outcome: '审核结论',
    missing: '需补充的材料',
    materials: '申报材料',
    summary: '异议内容',
    finding: '核查结论',
  },
  values: {
    outcome: { complete: '材料齐全', 'return-for-correction': '退回补正' },
    finding: { dismissed: '异议不成立', upheld: '异议成立' },
    action: { retry: '重新拨付' },
  },
};
