/**
 * What a supervisor reads in the Web UI: a one-line static summary per case, and current details (Markdown) kept
 * up to date at every stage. References and figures only, never personal data.
 */
import { DEPARTMENTS, DISTRICTS, type District } from '../../../workflows/kit/vocabulary';
import type {
  GasRetrofitCampaignProgress,
  GasRetrofitCaseState,
  GasRetrofitStage,
  GasUserType,
} from './contract';
import { bulkStage, type BulkStage } from '../../../workflows/kit/bulk-progress';

const USER_TYPE_WORK: Record<GasUserType, string> = {
  'new-build-residential': '新建住宅燃气安全装置核验',
  'residential-pipeline': '燃气自闭阀与金属软管加装',
  'residential-lpg': '瓶装液化气金属软管更换',
  'non-residential-pipeline': '非居民燃气报警与联动切断装置加装',
  'non-residential-lpg': '非居民瓶装气报警与联动切断装置加装',
};

export const HOUSEHOLD_STAGE_LABELS: Record<GasRetrofitStage, string> = {
  'eligibility-check': '燃气公司核验户号',
  eligible: '核验通过',
  ineligible: '核验未通过',
  scheduling: '预约安装',
  'installation-scheduled': '待上门安装',
  'grid-follow-up': '社区网格员跟进',
  acceptance: '燃气公司验收',
  settlement: '按招标价结算',
  'awaiting-tender-price': '待区财政确定招标价',
  payment: '四方资金拨付',
  'payment-incident': '拨付异常待处理',
  closed: '已办结',
  cancelled: '已撤销',
  'settlement-reversed': '结算已冲回',
  'calibration-watch': '报警器年度校验',
};

/** `燃气自闭阀与金属软管加装 · 金水区 · 户号尾号0001` */
export function householdSummary(userType: GasUserType, district: District, accountRef: string): string {
  return `${USER_TYPE_WORK[userType]} · ${DISTRICTS[district]} · 户号尾号${accountRef.slice(-4)}`;
}

const fen = (amount: number) => `¥${(amount / 100).toFixed(2)}`;

export function householdDetails(state: GasRetrofitCaseState): string {
  const lines = [`**阶段**：${HOUSEHOLD_STAGE_LABELS[state.stage]}（${state.stage}）`];
  if (state.openTask) {
    lines.push(
      `**当前负责**：${DEPARTMENTS[state.openTask.department]} · ${state.openTask.role}` +
        (state.openTask.escalationRung > 0 ? `（已升级 ${state.openTask.escalationRung} 级）` : ''),
      `**截止**：${state.openTask.dueAt}`,
    );
  }
  if (state.booking) lines.push(`**预约**：${state.booking.day} · 安装队 ${state.booking.teamId}`);
  if (state.misses) lines.push(`**未遇**：${state.misses} 次`);
  if (state.settlement && state.priceBasis) {
    const t = state.settlement.totals;
    lines.push(
      `**结算**（${state.priceBasis.basis === 'tender' ? '招标价' : state.priceBasis.basis === 'estimate' ? '估算价' : '招标价与估算价'}）：` +
        `合计 ${fen(state.settlement.totalFen)}；市财政 ${fen(t.cityFinance)}，区财政 ${fen(t.districtFinance)}，` +
        `燃气公司 ${fen(t.gasCompany)}，用户 ${fen(t.resident)}`,
    );
  }
  if (state.tenderWait) {
    lines.push(`**待定招标价**：${state.tenderWait.missing.join('、')}（自 ${state.tenderWait.since}）`);
  }
  if (state.incident) lines.push(`**异常**：${state.incident.party} 拨付失败`);
  if (state.cancellation) lines.push(`**撤销原因**：${state.cancellation.reason}`);
  return lines.join('\n\n');
}

const CAMPAIGN_STAGE_LABELS: Record<BulkStage, string> = {
  running: '进行中（running）',
  paused: '已暂停（paused）',
  finished: '已完成（finished）',
};

/** A district campaign's current details: where it stands, how many households it has started, who paused it. */
export function campaignDetails(progress: GasRetrofitCampaignProgress): string {
  const lines = [
    `**阶段**：${CAMPAIGN_STAGE_LABELS[bulkStage(progress)]}`,
    `**已发起**：${progress.started} 户；已有办件 ${progress.alreadyStarted} 户；已处理 ${progress.pages} 页`,
    `**当前负责**：${DEPARTMENTS['gas-safety-office']}`,
  ];
  if (progress.lastDecision) {
    lines.push(
      `**最近操作**：${progress.lastDecision.action} · ${progress.lastDecision.by} · ${progress.lastDecision.at}`,
    );
  }
  return lines.join('\n\n');
}
