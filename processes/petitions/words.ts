/** A petition in the petition office's own words, for the clerks' workbench (GET /v1/case-kinds). */
import type { CaseKindWords } from '../../api/case-kinds';
import type { PetitionAction, PetitionStage } from './workflow/contract';
import { PETITION_STAGE_LABELS } from './workflow/details';
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
};
