/** A household case in the retrofit's own words, for the clerks' workbench (GET /v1/case-kinds). */
import type { CaseKindWords } from '../../api/case-kinds';
import type { GasRetrofitAction, GasRetrofitStage } from './workflow/contract';
import { HOUSEHOLD_STAGE_LABELS } from './workflow/details';
import type { GasRetrofitTaskKind } from './workflow/rules';

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
};
