/** A childcare application in the process's own words, for the clerks' workbench (GET /v1/case-kinds). */
import type { CaseKindWords } from '../../api/case-kinds';
import type { ChildcareAction, ChildcareStage } from './workflow/contract';
import { CHILDCARE_STAGE_LABELS } from './workflow/details';
import type { ChildcareTaskKind } from './workflow/rules';

export const APPLICATION_WORDS: CaseKindWords<ChildcareStage, ChildcareAction, ChildcareTaskKind> = {
  name: '托育机构建设补助申请',
  stages: CHILDCARE_STAGE_LABELS,
  actions: {
    completeness: '材料完整性审核',
    resubmit: '补正后重新提交',
    inspection: '登记现场核查结果',
    'health-approval': '卫健委审批',
    'finance-approval': '财政审批',
    'quality-evaluation': '质量评估',
    withdraw: '撤回申请',
    'staff-change': '变更从业人员',
    'resolve-incident': '处理拨付异常',
  },
  taskKinds: {
    completeness: '材料完整性审核',
    correction: '待申请人补正',
    inspection: '现场核查',
    'health-approval': '卫健委审批',
    'finance-approval': '财政审批',
    'quality-evaluation': '质量评估',
    'payment-incident': '拨付异常处理',
  },
};
