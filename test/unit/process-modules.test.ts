import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { Adapters } from '../../activities/adapters';
import { SCOPED_PROCESSES } from '../../platform/codec/payload-scope';
import { PROCESS_MODULES } from '../../processes';
import { createActivities } from '../../workers/activities';
import { kitProbe } from '../workflows/kit-probe/module';
import * as bundleEntry from '../../workflows';

describe('the list of processes (processes/index.ts)', function () {
  it('each process’s workflows file exports its workflow types and nothing else (the kit’s probe too)', function () {
    // Loaded as the worker's bundle loads it: by path, from the module's own declaration.
    const load = createRequire(__filename);
    for (const module of [...PROCESS_MODULES, kitProbe]) {
      const exported = Object.keys(load(module.workflowsPath) as object);
      assert.deepEqual(exported.sort(), [...module.workflowTypes].sort(), module.name);
    }
  });

  it('the worker’s bundle entry exports each process’s workflow types, and nothing no process declares', function () {
    const declared = PROCESS_MODULES.flatMap((module) => module.workflowTypes);
    assert.deepEqual([...declared].sort(), Object.keys(bundleEntry).sort());
    assert.equal(new Set(declared).size, declared.length, 'no workflow type belongs to two processes');
  });

  it('no two processes name an activity alike, and the worker has them all', function () {
    const adapters = new Proxy({}, { get: () => ({}) }) as Adapters;
    const names = PROCESS_MODULES.flatMap((module) => Object.keys(module.activities({ adapters })));
    assert.equal(new Set(names).size, names.length);
    const worker = Object.keys(createActivities({ adapters }));
    for (const name of names) assert.ok(worker.includes(name), name);
  });

  it('no two processes serve the same operation', function () {
    const operations = PROCESS_MODULES.flatMap((module) =>
      module.api.flatMap((api) => api.routes.map((route) => `${route.method} ${route.path}`)),
    );
    assert.equal(new Set(operations).size, operations.length);
  });

  it('each payload scope but the platform’s is one process’s, with readers named', function () {
    const declared = PROCESS_MODULES.map((module) => module.payloadScope.scope);
    assert.deepEqual([...declared].sort(), SCOPED_PROCESSES.filter((scope) => scope !== 'platform').sort());
    for (const { payloadScope } of PROCESS_MODULES)
      assert.ok(payloadScope.readers.length > 0, payloadScope.scope);
  });
});
