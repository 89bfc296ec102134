/**
 * Every activity the workflows schedule, as the server received it in the committed histories, has a
 * start-to-close timeout (a hung department call is retried, never waited on forever), and the long-running ones
 * heartbeat so a lost worker is noticed in seconds and the retry resumes from the last heartbeat.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadCorpus } from './corpus';
import { PROJECT_ROOT } from '../../platform/config';

const LONG_RUNNING = new Set(['startHouseholdCases']);
const seconds = (d: { seconds?: unknown } | null | undefined) => Number(d?.seconds ?? 0);

describe('activity timeouts', function () {
  it('every scheduled activity in the corpus has a start-to-close timeout; long ones heartbeat', function () {
    const seen = new Set<string>();
    for (const { file, history } of loadCorpus()) {
      for (const event of history.events ?? []) {
        const scheduled = event.activityTaskScheduledEventAttributes;
        if (!scheduled) continue;
        const type = scheduled.activityType?.name ?? '?';
        seen.add(type);
        const startToClose = seconds(scheduled.startToCloseTimeout);
        assert.ok(
          startToClose > 0 && startToClose <= 600,
          `${file}: ${type} start-to-close ${startToClose}s`,
        );
        if (LONG_RUNNING.has(type)) {
          assert.ok(seconds(scheduled.heartbeatTimeout) > 0, `${file}: ${type} has no heartbeat timeout`);
        }
      }
    }
    assert.ok(seen.size >= 10, `activity types covered: ${[...seen].join(', ')}`);
  });

  it('every proxyActivities call in workflows/ names a start-to-close timeout (or the departmentCall defaults)', function () {
    const dir = path.join(PROJECT_ROOT, 'workflows');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(path.join(dir, file), 'utf8');
      for (const match of source.matchAll(/proxyActivities<[^>]+>\(\{([^}]*)\}/g)) {
        assert.match(
          match[1]!,
          /startToCloseTimeout|\.\.\.departmentCall/,
          `${file}: ${match[0].slice(0, 60)}`,
        );
      }
    }
  });
});
