import assert from 'node:assert/strict';
import { z } from 'zod';
import { API_ROUTES } from '../../api/app';
import { chineseRules } from '../../api/chinese-refusals';
import { ValidationError } from '../../api/errors';
import { parse } from '../../api/validation';
import { CHILDCARE_DECISION_RULES } from '../../processes/childcare/workflow/rules';
import { HOUSEHOLD_DECISION_RULES } from '../../processes/gas-retrofit/workflow/rules';
import { PETITION_DECISION_RULES } from '../../processes/petitions/workflow/rules';
import { PAYOUT_DECISION_RULES } from '../../processes/policy-payout/workflow/rules';

const chinese = chineseRules(API_ROUTES);

function rulesOf(schema: z.ZodType, input: unknown): string[] {
  try {
    parse(schema, input);
  } catch (error) {
    if (error instanceof ValidationError) return error.problems.map((p) => p.rule);
  }
  throw new Error('expected a refusal');
}

describe('refusals in Chinese (Accept-Language: zh-CN)', function () {
  it('every decision rule a process declares has its Chinese beside it', function () {
    const tables = [
      HOUSEHOLD_DECISION_RULES,
      CHILDCARE_DECISION_RULES,
      PETITION_DECISION_RULES,
      PAYOUT_DECISION_RULES,
    ];
    const rules = tables.flatMap((table) => Object.values(table).flat() as { rule: string; zh?: string }[]);
    assert.ok(rules.length > 10);
    for (const { rule, zh } of rules) assert.ok(zh, `no Chinese for "${rule}"`);
  });

  it('a declared rule is put in its Chinese, a varying part carried over', function () {
    assert.equal(chinese('is required when acceptance fails'), '验收不合格时须说明理由');
    assert.equal(chinese('is required, the valve was fitted'), '已安装valve，须填写其编号');
    assert.equal(chinese('still missing 营业执照'), '仍缺少营业执照');
  });

  it('the rules every schema gives are put in Chinese; a rule without words stays as written', function () {
    const body = z
      .object({ name: z.string().min(2).max(4), n: z.number().int().max(20), kind: z.enum(['a', 'b']) })
      .strict();
    const rules = rulesOf(body, { name: 'x', n: 30, kind: 'c', extra: 1 }).map(
      (rule) => chinese(rule) ?? rule,
    );
    assert.deepEqual(
      rules.sort(),
      ['不得大于 20', '不是可接受的字段', '至少 2 个字', '须为以下之一：a, b'].sort(),
    );
    assert.deepEqual(
      rulesOf(body, {}).map((rule) => chinese(rule)),
      ['必填', '必填', '须为以下之一：a, b'],
    );
    assert.equal(chinese('a rule nobody has words for'), undefined);
  });
});
