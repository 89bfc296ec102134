/**
 * The names of request fields and of their coded values as a Chinese clerk reads them, for forms built from the
 * OpenAPI document (the workbench's). These are the words every process shares; each process adds its own in its
 * `words.ts`. A field without a word is shown under its code.
 */
import { DEPARTMENTS, DISTRICTS, type Channel } from '../workflows/definitions';

export type FieldWords = Record<string, string>;
/** Per field name, the words for its coded values. */
export type ValueWords = Record<string, Record<string, string>>;

export const COMMON_FIELD_WORDS: FieldWords = {
  district: '区县',
  channel: '受理渠道',
  contact: '联系人',
  name: '姓名',
  phone: '联系电话',
  address: '地址',
  reason: '理由',
  reasons: '理由',
  note: '备注',
  result: '结果',
  decision: '审批意见',
  action: '处理方式',
  account: '收款账户',
  bank: '开户银行',
  accountNumber: '银行账号',
  by: '办理人',
  at: '时间',
  dueAt: '截止时间',
  department: '承办单位',
};

const CHANNEL_WORDS: Record<Channel, string> = {
  app: '郑好办 App',
  web: '网上办事大厅',
  window: '窗口',
  kiosk: '自助终端',
};

export const COMMON_VALUE_WORDS: ValueWords = {
  district: DISTRICTS,
  channel: CHANNEL_WORDS,
  department: DEPARTMENTS,
  result: { pass: '合格', fail: '不合格' },
  decision: { approve: '同意', refuse: '不同意' },
};
