/**
 * Every rung of every escalation ladder may take the decisions that settle its task, at the task's stage: a task
 * never passes to someone whom the rules then refuse (403) while the case waits.
 */
import assert from 'node:assert/strict';
import { checkDecision, holdsAny, type DecisionRules } from '../../workflows/kit/access';
import type { TaskLadder } from '../../workflows/kit/ladder';
import type { Actor, District } from '../../workflows/kit/vocabulary';
import { GAS_RETROFIT_LADDERS, GAS_RETROFIT_RULES } from '../../processes/gas-retrofit/workflow/rules';
import { CHILDCARE_LADDERS, CHILDCARE_RULES } from '../../processes/childcare/workflow/rules';
import { PETITION_LADDERS, PETITION_RULES } from '../../processes/petitions/workflow/rules';
import { POLICY_LADDERS, POLICY_PAYOUT_RULES } from '../../processes/policy-payout/workflow/rules';

const PROCESSES: Array<{
  name: string;
  rules: DecisionRules<string, string>;
  ladders: Record<string, TaskLadder<string, string>>;
}> = [
  { name: 'gas retrofit', rules: GAS_RETROFIT_RULES, ladders: GAS_RETROFIT_LADDERS },
  { name: 'childcare subsidy', rules: CHILDCARE_RULES, ladders: CHILDCARE_LADDERS },
  { name: 'petitions', rules: PETITION_RULES, ladders: PETITION_LADDERS },
  { name: 'policy payout', rules: POLICY_PAYOUT_RULES, ladders: POLICY_LADDERS },
];

const district: District = 'jinshui';

describe('escalation ladders against the rules table', function () {
  for (const { name, rules, ladders } of PROCESSES) {
    for (const [kind, ladder] of Object.entries(ladders)) {
      it(`${name}: every rung of ${kind} may settle it`, function () {
        assert.ok(ladder.rungs.length >= 1);
        ladder.rungs.forEach((rung, index) => {
          const actor: Actor = {
            userId: `rung-${index}`,
            department: rung.department,
            district: rung.level === 'city' ? 'city' : district,
            roles: [rung.role],
          };
          const { settledBy } = ladder;
          // A supervised ladder's later rungs watch over the holder: each may act on the case at that stage.
          if (ladder.escalation === 'supervise' && index > 0) {
            const acts = Object.entries(rules).filter(
              ([, rule]) => rule.stages.includes(ladder.stage) && holdsAny(rule.permissions, actor),
            );
            assert.ok(
              acts.length > 0,
              `${kind} rung ${index} (${rung.role} @ ${rung.department}) can do nothing`,
            );
            return;
          }
          if ('act' in settledBy) {
            assert.ok(
              holdsAny(settledBy.permissions, actor),
              `${kind} rung ${index} (${rung.role} @ ${rung.department}) may not ${settledBy.act}`,
            );
            return;
          }
          for (const action of settledBy) {
            assert.doesNotThrow(
              () => checkDecision(rules, action, actor, district, ladder.stage),
              `${kind} rung ${index} (${rung.role} @ ${rung.department}) may not ${action}`,
            );
          }
        });
      });
    }
  }
});
