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

  it('every activity proxy in workflow code (the kit and each process’s workflow folder) names a start-to-close timeout, or the departmentCall defaults', function () {
    const calls = WORKFLOW_ROOTS().flatMap((root) => activityProxyCalls(root));
    // As many as the workflows had when this was written: a scanner that stops finding them fails here.
    assert.ok(calls.length >= MIN_PROXY_CALLS, `activity proxies found: ${calls.length}`);
    for (const { file, options } of calls) {
      assert.match(options, /startToCloseTimeout|\.\.\.departmentCall\b/, `${file}: ${options.slice(0, 80)}`);
    }
    assert.match(
      departmentCallSource(),
      /startToCloseTimeout:/,
      'departmentCall sets a start-to-close timeout',
    );
  });
});

const MIN_PROXY_CALLS = 19;

/** Where workflow code lives: the kit and bundle entry, and each process's own workflow folder. */
const WORKFLOW_ROOTS = () => [
  path.join(PROJECT_ROOT, 'workflows'),
  ...readdirSync(path.join(PROJECT_ROOT, 'processes'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(PROJECT_ROOT, 'processes', entry.name, 'workflow')),
];

interface ProxyCall {
  file: string;
  /** The text of the options object passed to the proxy. */
  options: string;
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The text from `open` (a bracket at `from`) to its matching `close`, brackets inside counted. */
function balanced(source: string, from: number, open: string, close: string): string {
  let depth = 0;
  for (let i = from; i < source.length; i += 1) {
    if (source[i] === open) depth += 1;
    else if (source[i] === close && --depth === 0) return source.slice(from, i + 1);
  }
  throw new Error(`unbalanced ${open}${close} from offset ${from}`);
}

/**
 * Every `proxyActivities<…>({…})` and `proxyLocalActivities<…>({…})`, with the options object's text, and every
 * `departmentCalls<…>()(summary)`, whose options are the kit's (its own proxy, in activity-options.ts, is checked
 * like the others).
 */
function activityProxyCalls(dir: string): ProxyCall[] {
  return sourcesUnder(dir).flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    const throughKit = [...source.matchAll(/\bdepartmentCalls<\w+>\(\)/g)].map(() => ({
      file: path.relative(dir, file),
      options: '{ ...departmentCall, summary }',
    }));
    return [...source.matchAll(/\bproxy(?:Local)?Activities</g)]
      .map((match) => {
        const typeArguments = balanced(source, match.index + match[0].length - 1, '<', '>');
        const afterType = match.index + match[0].length - 1 + typeArguments.length;
        const call = source.slice(afterType).match(/^\(\s*\{/);
        assert.ok(call, `${path.relative(dir, file)}: a proxy whose options are not written in place`);
        return {
          file: path.relative(dir, file),
          options: balanced(source, afterType + call[0].length - 1, '{', '}'),
        };
      })
      .concat(throughKit);
  });
}

const departmentCallSource = () =>
  readFileSync(path.join(PROJECT_ROOT, 'workflows', 'kit', 'activity-options.ts'), 'utf8');
