import assert from 'node:assert/strict';
import {
  isAuditedPostRead,
  petitionReaderOf,
  requirePostReader,
} from '../../processes/petitions/api/need-to-know';
import type { Department } from '../../workflows/definitions';
import type { PetitionCaseState } from '../../processes/petitions/workflow/contract';

type Held = Parameters<typeof petitionReaderOf>[1];
const heldBy = (department: Department, extra: Partial<PetitionCaseState> = {}): Held => ({
  department,
  transfers: [],
  kind: 'report',
  ...extra,
});
const as = (department: Department) => ({ department });
const task = (department: Department, extra: object = {}) =>
  ({
    taskId: 't',
    kind: 'acceptance',
    department,
    role: 'clerk',
    dueAt: '',
    escalationRung: 0,
    ...extra,
  }) as const;

describe('petitions on a need to know', function () {
  it('the petition office reads every petition; the holder reads its own; another department nothing', function () {
    const state = heldBy('housing');
    assert.equal(petitionReaderOf(as('petition-office'), state), 'petition-office');
    assert.equal(petitionReaderOf(as('housing'), state), 'holder');
    assert.equal(petitionReaderOf(as('heating'), state), undefined);
    assert.equal(petitionReaderOf(as('traffic-police'), state), undefined);
  });

  it('a department that held it (transferred away, or decided on it) still reads it', function () {
    const transfers = [
      { from: 'urban-management' as const, to: 'housing' as const, reason: 'r', by: 'u', at: '' },
    ];
    assert.equal(petitionReaderOf(as('urban-management'), heldBy('housing', { transfers })), 'past-holder');
    const decisions = [
      {
        action: 'reply' as const,
        by: {
          userId: 'x',
          department: 'heating' as const,
          district: 'jinshui' as const,
          roles: ['clerk' as const],
        },
        at: '',
        detail: '',
      },
    ];
    assert.equal(petitionReaderOf(as('heating'), heldBy('housing', { decisions })), 'past-holder');
  });

  it('the press desk reads only what it has taken up, and never a report’s post', function () {
    assert.equal(petitionReaderOf(as('public-supervision'), heldBy('housing')), undefined);
    const onItsRung = heldBy('housing', { openTask: task('public-supervision') });
    const watching = heldBy('housing', {
      openTask: task('housing', { supervisedBy: { department: 'public-supervision', role: 'reporter' } }),
    });
    const calledBefore = heldBy('housing', { press: { calls: [] } });
    for (const state of [onItsRung, watching, calledBefore]) {
      assert.equal(petitionReaderOf(as('public-supervision'), state), 'press-desk');
      assert.throws(
        () => requirePostReader(as('public-supervision'), state),
        /never reads the post of a report/,
      );
      assert.equal(requirePostReader(as('public-supervision'), { ...state, kind: 'help' }), 'press-desk');
    }
  });

  it('a report’s post is audited when read by anyone but its holder', function () {
    assert.equal(isAuditedPostRead('holder', { kind: 'report' }), false);
    assert.equal(isAuditedPostRead('petition-office', { kind: 'report' }), true);
    assert.equal(isAuditedPostRead('past-holder', { kind: 'report' }), true);
    assert.equal(isAuditedPostRead('petition-office', { kind: 'help' }), false);
  });
});
