/** What a supervisor reads in the Web UI about a petition: codes, departments and deadlines, never the post's text. */
import { DEPARTMENTS, DISTRICTS, type Department } from '../../../workflows/kit/vocabulary';
import type {
  PetitionCaseState,
  PetitionCategory,
  PetitionInput,
  PetitionKind,
  PetitionStage,
  PressVerdict,
} from './contract';

export const PETITION_STAGE_LABELS: Record<PetitionStage, string> = {
  routing: '派单',
  'awaiting-acceptance': '待受理',
  handling: '办理中',
  replied: '已答复，待回访评价',
  completed: '已办结（可申请复查）',
  'under-review': '复查中',
  reviewed: '已复查（可申请复核）',
  'under-re-review': '复核中',
  closed: '已终结',
  withdrawn: '已撤回',
};

export const PETITION_CATEGORY_LABELS: Record<PetitionCategory, string> = {
  traffic: '交通出行',
  'public-facilities': '公共设施',
  education: '教育公平',
  property: '物业管理',
  environment: '环境保护',
  heating: '供暖问题',
  'medical-social-security': '医疗社保',
  other: '其他',
};

export const PETITION_KIND_LABELS: Record<PetitionKind, string> = {
  consultation: '咨询',
  help: '求助',
  suggestion: '建议',
  complaint: '投诉',
  report: '举报',
};

const PRESS_VERDICT_LABELS: Record<PressVerdict, string> = {
  resolved: '已解决',
  'in-progress': '办理中',
  unresolved: '未解决',
};

/** Who holds a petition at each stage when no task names someone. */
export const PETITION_STAGE_HOLDERS: Record<PetitionStage, Department | undefined> = {
  routing: 'petition-office',
  'awaiting-acceptance': undefined,
  handling: undefined,
  replied: 'petition-office',
  completed: undefined,
  'under-review': 'petition-office',
  reviewed: undefined,
  'under-re-review': 'petition-office',
  closed: undefined,
  withdrawn: undefined,
};

/** `心通桥 · 投诉 · 交通出行 · 金水区` */
export function petitionSummary(input: Pick<PetitionInput, 'kind' | 'category' | 'district'>): string {
  return `心通桥 · ${PETITION_KIND_LABELS[input.kind]} · ${PETITION_CATEGORY_LABELS[input.category]} · ${DISTRICTS[input.district]}`;
}

export function petitionDetails(state: PetitionCaseState): string {
  const lines = [`**阶段**：${PETITION_STAGE_LABELS[state.stage]}（${state.stage}）`];
  if (state.department) lines.push(`**承办**：${DEPARTMENTS[state.department]}`);
  if (state.openTask) {
    lines.push(`**截止**：${state.openTask.dueAt}（法定工作日）`);
    if (state.openTask.supervisedBy) {
      lines.push(
        `**督办**：第 ${state.openTask.escalationRung} 级 · ${DEPARTMENTS[state.openTask.supervisedBy.department]}`,
      );
    }
  }
  if (state.transfers.length > 0) lines.push(`**转办**：${state.transfers.length} 次`);
  if (state.extension) lines.push(`**延期**：${state.extension.workingDays} 个工作日`);
  if (state.reopened) lines.push('**不满意重办**：是');
  if (state.press) {
    const story = state.press.published
      ? ` · 已见报（${PRESS_VERDICT_LABELS[state.press.published.verdict]}）`
      : '';
    lines.push(`**观观督办**：回访 ${state.press.calls.length} 次${story}`);
  }
  return lines.join('\n\n');
}
