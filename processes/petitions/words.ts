/** A petition in the petition office's own words, for the clerks' workbench (GET /v1/case-kinds). */
import type { CaseKindWords } from '../../api/case-kinds';
import type { PetitionAction, PetitionStage } from './workflow/contract';
import { PETITION_CATEGORY_LABELS, PETITION_KIND_LABELS, PETITION_STAGE_LABELS } from './workflow/details';
import { DEPARTMENTS } from '../../workflows/definitions';
import type { PetitionTaskKind } from './workflow/rules';

export const PETITION_WORDS: CaseKindWords<PetitionStage, PetitionAction, PetitionTaskKind> = {
  name: '群众诉求（心通桥）',
  stages: PETITION_STAGE_LABELS,
  actions: {
    accept: '受理',
    transfer: '转办',
    reply: '答复',
    extend: '延期办理',
    rate: '登记回访评价',
    'supervise-note': '督办意见',
    withdraw: '撤回',
    'request-review': '申请复查（复核）',
    'decide-review': '作出复查（复核）意见',
    'press-follow-up': '观观督办回访',
    'press-publish': '观观督办见报',
    'press-take-up': '观观督办接办',
    'press-visit': '观观督办走访',
  },
  taskKinds: {
    acceptance: '受理',
    reply: '答复',
    rating: '回访评价',
    review: '复查',
    're-review': '复核',
  },
  fields: {
    petitionRef: '诉求编号',
    category: '诉求类别',
    kind: '诉求性质',
    location: '发生地点',
    text: '诉求内容',
    receivedAt: '收到时间',
    to: '转办单位',
    summaryRef: '答复文书编号',
    workingDays: '延长工作日数',
    satisfied: '群众是否满意',
    noteRef: '督办意见编号',
    outcome: '复查（复核）结论',
    opinionRef: '意见书编号',
    answer: '部门答复情况',
    account: '回访记录',
    organisation: '单位',
    transfers: '转办记录',
    deadlines: '办理时限',
    supervisionNotes: '督办记录',
    reply: '答复',
    acceptance: '受理',
    firstRepliedAt: '首次答复时间',
  },
  values: {
    category: PETITION_CATEGORY_LABELS,
    kind: PETITION_KIND_LABELS,
    to: DEPARTMENTS,
    outcome: { upheld: '维持原处理意见', changed: '变更原处理意见' },
  },
};
