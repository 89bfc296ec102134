/** A case's facts as a clerk reads them: each field under its word, coded values in words, times and money plainly. */
import { beijingTime, fenAsYuan, isFenField } from './format';
import type { CaseKind } from './platform-words';

type Words = Pick<CaseKind, 'fields' | 'values'>;

const isTime = (name: string, value: unknown): value is string =>
  typeof value === 'string' &&
  (name === 'at' || /(At|Since)$/.test(name)) &&
  !Number.isNaN(Date.parse(value));

/** One field's value in words; objects and lists as `word：value` pairs. */
export function plainValue(name: string, value: unknown, words: Words): string {
  if (Array.isArray(value)) return value.map((item) => plainValue(name, item, words)).join('、');
  if (value !== null && typeof value === 'object') {
    return Object.entries(value)
      .filter(([, inner]) => inner !== undefined && inner !== null)
      .map(([key, inner]) => `${words.fields[key] ?? key}：${plainValue(key, inner, words)}`)
      .join('；');
  }
  if (typeof value === 'number' && isFenField(name)) return fenAsYuan(value);
  if (isTime(name, value)) return beijingTime(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  const code = String(value);
  return words.values[name]?.[code] ?? code;
}

/** A decision's particulars (the JSON the case keeps) in words. */
export function plainDetail(detail: string, words: Words): string {
  try {
    return plainValue('detail', JSON.parse(detail) as unknown, words) || '—';
  } catch {
    return detail;
  }
}
