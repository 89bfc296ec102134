/**
 * The catalogue's rule language: JsonLogic (jsonlogic.com), run by json-logic-engine, limited to comparison, logic
 * and arithmetic over the named facts. A rule is JSON, stored as the issuing department wrote it; it runs no code of
 * its own, and an operator or fact outside the lists is refused when the policy is saved, never at judgment.
 * `RULE_LANGUAGE` is stored with each policy version, so a case judged under it can be judged again the same way.
 */
import { defaultMethods, LogicEngine } from 'json-logic-engine';
import { FACT_NAMES, type EnterpriseFacts } from './facts';
import type { Logic } from '../../../activities/adapters/policy-catalogue/terms';

export const RULE_LANGUAGE = 'jsonlogic/1 (json-logic-engine 5)';

const OPERATORS = [
  'var',
  '==',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  'and',
  'or',
  '!',
  '!!',
  'in',
  'if',
  '+',
  '-',
  '*',
  '/',
  'min',
  'max',
] as const;
const MAX_DEPTH = 12;
const MAX_NODES = 200;

const engine = new LogicEngine(
  Object.fromEntries(
    Object.entries(defaultMethods).filter(([name]) => (OPERATORS as readonly string[]).includes(name)),
  ),
  { maxDepth: MAX_DEPTH, maxArrayLength: 100, maxStringLength: 200 },
);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const LOGIC_RULES = {
  tooDeep: `nested deeper than ${MAX_DEPTH}`,
  notJson: 'must be JSON',
  oneOperator: 'an operation has exactly one operator',
  unknownOperator: `the operator is not one of ${OPERATORS.join(' ')}`,
  noFact: `names no fact (one of ${FACT_NAMES.join(', ')})`,
  tooBig: `more than ${MAX_NODES} parts`,
};

/** What saving a rule is refused for, each problem led by the place it names (`…` in the API's document). */
export const LOGIC_REFUSALS: readonly string[] = Object.values(LOGIC_RULES).map((rule) => `…: ${rule}`);

/** What is wrong with a rule, each problem naming where it is; empty when the rule may be saved. */
export function ruleProblems(logic: Logic): string[] {
  const problems: string[] = [];
  let nodes = 0;
  const visit = (node: unknown, path: string, depth: number): void => {
    nodes += 1;
    if (depth > MAX_DEPTH) return void problems.push(`${path}: ${LOGIC_RULES.tooDeep}`);
    if (Array.isArray(node)) return node.forEach((item, i) => visit(item, `${path}[${i}]`, depth + 1));
    if (!isPlainObject(node)) {
      if (node === null || ['string', 'number', 'boolean'].includes(typeof node)) return;
      return void problems.push(`${path}: ${LOGIC_RULES.notJson}`);
    }
    const keys = Object.keys(node);
    if (keys.length !== 1) return void problems.push(`${path}: ${LOGIC_RULES.oneOperator}`);
    const operator = keys[0]!;
    if (!(OPERATORS as readonly string[]).includes(operator)) {
      // The operator is not repeated: nothing sent is echoed back, and the path names where it stands.
      return void problems.push(`${path}: ${LOGIC_RULES.unknownOperator}`);
    }
    const args: unknown = node[operator];
    if (operator === 'var') {
      const name: unknown = Array.isArray(args) ? args[0] : args;
      if (typeof name !== 'string' || !FACT_NAMES.includes(name)) {
        problems.push(`${path}.var: ${LOGIC_RULES.noFact}`);
      }
      return;
    }
    visit(args, `${path}.${operator}`, depth + 1);
  };
  visit(logic, 'logic', 0);
  if (nodes > MAX_NODES) problems.push(`logic: ${LOGIC_RULES.tooBig}`);
  return problems;
}

/** Whether the facts satisfy the rule (JsonLogic truthiness); a rule that cannot be run does not pass. */
export function satisfies(logic: Logic, facts: EnterpriseFacts): boolean {
  try {
    return Boolean(engine.truthy(engine.run(logic, facts)));
  } catch {
    return false;
  }
}

/** A fact's value by its dotted name, as a rule's `var` reads it. */
export function factValue(facts: EnterpriseFacts, name: string): unknown {
  return engine.run({ var: name }, facts);
}
