import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { onCpus, splitCpus } from '../../bench/cpu-pinning';
import { allowedCpus } from '../../bench/proc-status';

describe('bench: the dev server on CPUs of its own', function () {
  it('reads taskset CPU lists and leaves the rest to everything else', function () {
    assert.deepEqual(splitCpus('0', [0, 1]), { server: [0], rest: [1] });
    assert.deepEqual(splitCpus('1-2,0', [0, 1, 2, 3]), { server: [0, 1, 2], rest: [3] });
  });

  it('refuses a list that names a CPU this process may not use, runs backwards, is not a list, or leaves nothing over', function () {
    assert.throws(
      () => splitCpus('1', [2, 3]),
      /--server-cpus: CPU 1 is not one this process may use \(2,3\)/,
    );
    assert.throws(() => splitCpus('1-0', [0, 1]), /--server-cpus: the range 1-0 runs backwards/);
    assert.throws(() => splitCpus('first', [0, 1]), /--server-cpus: "first" is not a CPU number or range/);
    assert.throws(() => splitCpus('0-1', [0, 1]), /--server-cpus: 0-1 leaves no CPU for the worker/);
  });

  it('runs a command on the CPUs given', function () {
    const { command, args } = onCpus([0], 'grep', ['Cpus_allowed_list', '/proc/self/status']);
    assert.match(execFileSync(command, args).toString(), /^Cpus_allowed_list:\s+0$/m);
  });

  it("reads a process's CPUs back from /proc, as the bench stack checks its pinning", async function () {
    const { command, args } = onCpus([0], 'sleep', ['5']);
    const child = spawn(command, args);
    try {
      // taskset sets the CPUs and then execs sleep in the same process.
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.deepEqual(allowedCpus(child.pid!), [0]);
    } finally {
      child.kill();
    }
  });
});
