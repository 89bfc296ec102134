/** A childcare application in the process's own words, for the clerks' workbench (GET /v1/case-kinds). */
import type { CaseKindWords } from '../../api/case-kinds';
import type { ChildcareAction, ChildcareStage } from './workflow/contract';
import { CHILDCARE_STAGE_LABELS } from './workflow/details';
import type { ChildcareService, ProviderKind, ProviderLevel } from './workflow/provider';
import type { ChildcareTaskKind } from './workflow/rules';

const PROVIDER_KIND_WORDS: Record<ProviderKind, string> = {
  public: '公办',
  'public-built-private-run': '公建民营',
  'private-public-aided': '民办公助',
  workplace: '用人单位办托',
  'kindergarten-class': '幼儿园托班',
};
const PROVIDER_LEVEL_WORDS: Record<ProviderLevel, string> = {
  community: '社区托育点',
  street: '街道托育机构',
  township: '乡镇托育机构',
};
const SERVICE_WORDS: Record<ChildcareService, string> = {
  'full-day': '全日托',
  'half-day': '半日托',
  hourly: '计时托',
};

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
  fields: {
    provider: '托育机构',
    creditCode: '统一社会信用代码',
    kind: '机构性质',
    level: '机构层级',
    street: '街道（乡镇）',
    community: '社区',
    services: '服务类型',
    facts: '申报情况',
    slots: '托位数',
    constructionInvestmentFen: '建设投资（分）',
    higherLevelSubsidyReceived: '已获上级补助',
    monthlyPriceFen: '月收费（含餐，分）',
    monitoring24hWithAlarm: '24 小时监控并联网报警',
    videoCoversAllAreas: '视频监控全覆盖',
    recordingRetentionDays: '录像保存天数',
    staff: '从业人员',
    certificateNumber: '资格证书编号',
    outcome: '审核结论',
    missing: '需补正的材料',
    result: '核查结果',
    photosRef: '现场照片编号',
    grade: '质量评估等级',
  },
  values: {
    kind: PROVIDER_KIND_WORDS,
    level: PROVIDER_LEVEL_WORDS,
    services: SERVICE_WORDS,
    outcome: { complete: '材料齐全', 'return-for-correction': '退回补正' },
    action: { retry: '重新拨付' },
  },
};
