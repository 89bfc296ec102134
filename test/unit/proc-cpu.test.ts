import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpuSeconds } from '../../bench/proc-cpu';

describe('bench CPU readings from /proc', function () {
  it('keeps the CPU of a child that ended between two readings', function () {
    const self = { self: { pid: process.pid } };
    const before = cpuSeconds(self).self!;
    // The child spins until it has used 300 ms of its own CPU, then exits and is reaped.
    execFileSync(process.execPath, [
      '-e',
      'while (process.cpuUsage().user + process.cpuUsage().system < 300_000);',
    ]);
    const spent = cpuSeconds(self).self! - before;
    assert.ok(spent >= 0.29, `the reading grew by ${spent.toFixed(2)} s, less than the child's 0.3 s`);
  });
});
