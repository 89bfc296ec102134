/** A household case in the retrofit's own words, for the clerks' workbench (GET /v1/case-kinds). */
import type { CaseKindWords } from '../../api/case-kinds';
import type { GasUserType } from '../../workflows/kit/department-words';
import type { GasRetrofitAction, GasRetrofitStage } from './workflow/contract';
import { HOUSEHOLD_STAGE_LABELS } from './workflow/details';
import type { GasRetrofitTaskKind } from './workflow/rules';

const USER_TYPE_WORDS: Record<GasUserType, string> = {
  'new-build-residential': '新建住宅用户',
  'residential-pipeline': '居民管道燃气用户',
  'residential-lpg': '居民瓶装液化气用户',
  'non-residential-pipeline': '非居民管道燃气用户',
  'non-residential-lpg': '非居民瓶装液化气用户',
};

export const HOUSEHOLD_WORDS: CaseKindWords<GasRetrofitStage, GasRetrofitAction, GasRetrofitTaskKind> = {
  name: '燃气安全改造（居民与非居民用户）',
  stages: HOUSEHOLD_STAGE_LABELS,
  actions: {
    reschedule: '改约上门时间',
    'record-miss': '登记上门未遇',
    'report-installation': '报告安装完成',
    acceptance: '验收',
    'grid-follow-up': '登记网格员跟进结果',
    'resolve-incident': '处理拨付异常',
    cancel: '撤销办件',
    'record-calibration': '登记报警器年度校验',
  },
  taskKinds: {
    'grid-follow-up': '网格员上门跟进',
    acceptance: '安装验收',
    'tender-price': '确定招标价',
    'payment-incident': '拨付异常处理',
    'alarm-calibration': '报警器年度校验',
  },
  fields: {
    accountRef: '燃气户号',
    userType: '用户类型',
    items: '改造内容',
    valve: '燃气自闭阀',
    hoseLengthM: '金属软管长度（米）',
    metalHoseInPlace: '已有金属软管',
    serials: '设备出厂编号',
    hose: '金属软管',
    alarm: '燃气泄漏报警器',
    shutoffValve: '紧急切断阀',
    preferredDay: '希望上门日期',
    outcome: '结果',
    certificateRef: '校验证书编号',
    result: '验收结果',
    booking: '上门预约',
    bookingId: '预约编号',
    teamId: '安装队',
    day: '日期',
    eligibility: '户号核验',
    checkedAt: '核验时间',
    checkId: '核验编号',
    settlement: '结算',
    totalFen: '合计',
    totals: '各方分担',
    cityFinance: '市财政',
    districtFinance: '区财政',
    gasCompany: '燃气公司',
    resident: '居民',
    misses: '上门未遇次数',
  },
  values: {
    userType: USER_TYPE_WORDS,
    outcome: {
      rebook: '重新预约安装',
      withdrawn: '居民放弃改造',
      eligible: '符合条件',
      ineligible: '不符合条件',
    },
    action: { retry: '重新拨付', compensate: '冲回结算' },
    reason: { 'resident-withdrew': '居民撤回申请', 'account-closed': '燃气户已销户' },
  },
};
