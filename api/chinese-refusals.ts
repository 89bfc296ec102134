/**
 * Refusals in Chinese, for clients that ask for them (`Accept-Language: zh-CN`, as the workbench does): each
 * problem's rule in the words its route declares beside the English (`Refusal.zh`), or, for the rules every schema
 * gives (a field missing, too long, not among its values), in the words below. A rule without Chinese words stays as
 * the API wrote it. The audit log keeps the English either way.
 */
import type { Request } from 'express';
import type { FieldProblem } from './errors';
import type { ApiRoute } from './openapi';

type Translation = (rule: string) => string | undefined;

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A declared rule's English (a `…` in it stands for a part that varies) and its Chinese (with the same `…`). */
function declared(rule: string, zh: string): Translation {
  const pattern = new RegExp(`^${escaped(rule).replace('…', '(.+)')}$`);
  return (text) => {
    const match = pattern.exec(text);
    return match ? zh.replace('…', match[1] ?? '') : undefined;
  };
}

const TYPE_WORDS: Record<string, string> = {
  'an integer': '整数',
  'a number': '数字',
  'a string': '文字',
  'a boolean': '是或否',
  'a object': '对象',
  'a array': '列表',
};

/** The rules that schemas give of themselves (api/validation.ts and zod's own words). */
const SCHEMA_RULES: readonly [RegExp, (match: RegExpExecArray) => string][] = [
  [/^is required$/, () => '必填'],
  [/^is not a known field$/, () => '不是可接受的字段'],
  [/^must be well-formed JSON$/, () => '须为格式正确的 JSON'],
  [/^must be one of: (.+)$/, (m) => `须为以下之一：${m[1]}`],
  [/^must be (an integer|a number|a string|a boolean|a object|a array)$/, (m) => `须为${TYPE_WORDS[m[1]!]}`],
  [/^Too small: expected string to have >=(\d+) characters$/, (m) => `至少 ${m[1]} 个字`],
  [/^Too big: expected string to have <=(\d+) characters$/, (m) => `最多 ${m[1]} 个字`],
  [/^Too small: expected array to have >=(\d+) items$/, (m) => `至少 ${m[1]} 项`],
  [/^Too big: expected array to have <=(\d+) items$/, (m) => `最多 ${m[1]} 项`],
  [/^Too small: expected number to be >=(-?[\d.]+)$/, (m) => `不得小于 ${m[1]}`],
  [/^Too small: expected number to be >(-?[\d.]+)$/, (m) => `须大于 ${m[1]}`],
  [/^Too big: expected number to be <=(-?[\d.]+)$/, (m) => `不得大于 ${m[1]}`],
  [/^Too big: expected number to be <(-?[\d.]+)$/, (m) => `须小于 ${m[1]}`],
  [/^Invalid string: must match pattern .+$/, () => '格式不正确'],
  [/^Invalid ISO datetime$/, () => '须为 ISO 8601 日期时间，例如 2026-10-09T09:30:00+08:00'],
];

/** The Chinese for every rule the routes declare, then for the schemas' own. */
export function chineseRules(routes: readonly ApiRoute[]): Translation {
  const own = routes.flatMap((route) =>
    (route.refusals ?? []).flatMap((refusal) => (refusal.zh ? [declared(refusal.rule, refusal.zh)] : [])),
  );
  return (rule) => {
    for (const translate of own) {
      const zh = translate(rule);
      if (zh !== undefined) return zh;
    }
    for (const [pattern, words] of SCHEMA_RULES) {
      const match = pattern.exec(rule);
      if (match) return words(match);
    }
    return undefined;
  };
}

export const prefersChinese = (req: Request): boolean => req.acceptsLanguages('en', 'zh-CN', 'zh') !== 'en';

/** The problems with their rules in Chinese where there are words for them. */
export const inChinese = (problems: readonly FieldProblem[], translate: Translation): FieldProblem[] =>
  problems.map((problem) => ({ ...problem, rule: translate(problem.rule) ?? problem.rule }));
