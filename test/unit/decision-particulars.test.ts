import assert from 'node:assert/strict';
import { decisionsSeenBy } from '../../api/decision-particulars';
import type { Actor, Department } from '../../workflows/definitions';
import type { DecisionRecord } from '../../workflows/kit/case-state';

const staff = (department: Department): Actor => ({
  userId: `u-${department}`,
  department,
  district: 'jinshui',
  roles: ['clerk'],
});
const decided = (department: Department, detail: string): DecisionRecord => ({
  action: 'reschedule',
  by: staff(department),
  at: '2026-12-01T02:00:00.000Z',
  detail,
});

describe('decision particulars on a need to know', function () {
  const state = {
    caseId: 'c',
    decisions: [decided('gas-company', '{"reason":"住户出差"}'), decided('installer', '{"serials":"V-1"}')],
  };

  it('a reader who runs the case sees every particular', function () {
    assert.deepEqual(decisionsSeenBy(state, staff('gas-safety-office'), true), state);
  });

  it('any other reader sees each decision, who and when, and only its own department’s particulars', function () {
    const seen = decisionsSeenBy(state, staff('installer'), false);
    assert.deepEqual(seen.decisions, [
      { action: 'reschedule', by: staff('gas-company'), at: '2026-12-01T02:00:00.000Z' },
      decided('installer', '{"serials":"V-1"}'),
    ]);
    const none: { decisions?: DecisionRecord[] } = {};
    assert.equal(decisionsSeenBy(none, staff('installer'), false).decisions, undefined);
  });
});
