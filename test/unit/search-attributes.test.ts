import assert from 'node:assert/strict';
import { SearchAttributeType } from '@temporalio/common';
import {
  GAS_RETROFIT_STAGE_HOLDERS,
  gasRetrofitCaseAttributes,
} from '../../processes/gas-retrofit/workflow/attributes';
import { ALL_SEARCH_ATTRIBUTES, DEPARTMENT_CODES } from '../../workflows/definitions';
import {
  GAS_RETROFIT_STAGES,
  type GasRetrofitCaseState,
} from '../../processes/gas-retrofit/workflow/contract';
import { registrationCommands, SQL_VISIBILITY_BUDGET } from '../../platform/search-attributes';

describe('search attributes', function () {
  it('fit the SQL-visibility budget for every type', function () {
    for (const type of Object.values(SearchAttributeType)) {
      const used = ALL_SEARCH_ATTRIBUTES.filter((key) => key.type === type).map((key) => key.name);
      assert.ok(
        used.length <= SQL_VISIBILITY_BUDGET[type],
        `${type}: ${used.length} used (${used.join(', ')}), budget ${SQL_VISIBILITY_BUDGET[type]}`,
      );
    }
    assert.equal(new Set(ALL_SEARCH_ATTRIBUTES.map((key) => key.name)).size, ALL_SEARCH_ATTRIBUTES.length);
  });

  it('name a department for every stage that waits on someone, from the closed list of departments', function () {
    for (const stage of GAS_RETROFIT_STAGES) {
      const holder = GAS_RETROFIT_STAGE_HOLDERS[stage];
      if (holder !== undefined) assert.ok(DEPARTMENT_CODES.includes(holder), stage);
    }
  });

  it('carry codes, times and amounts only — a case full of personal-looking text adds none of it', function () {
    const state = {
      caseId: 'gas-retrofit:jinshui:JS-000001',
      process: 'gas-retrofit-household',
      district: 'jinshui',
      accountRef: 'JS-000001',
      userType: 'residential-pipeline',
      channel: 'window',
      stage: 'grid-follow-up',
      cancellation: { reason: 'resident-withdrew', by: '王小明 13812345678' },
      incident: {
        party: 'resident',
        message: '联系人 王小明 13812345678',
        since: '2026-11-30T00:00:00.000Z',
      },
      openTask: {
        taskId: 't',
        kind: 'grid-follow-up',
        department: 'community',
        role: 'grid-worker',
        dueAt: '2026-12-03T00:00:00.000Z',
        escalationRung: 0,
      },
    } as unknown as GasRetrofitCaseState;
    const pairs = gasRetrofitCaseAttributes(state);
    const text = JSON.stringify(pairs.map((pair) => pair.value));
    assert.ok(!/王小明|13812345678/.test(text));
    for (const { key, value } of pairs) {
      if (value === null) continue;
      if (key.type === 'KEYWORD') assert.ok(DEPARTMENT_CODES.includes(value as never), key.name);
      if (key.type === 'INT') assert.ok(Number.isSafeInteger(value), key.name);
      if (key.type === 'DATETIME') assert.ok(value instanceof Date, key.name);
      if (key.type === 'BOOL') assert.equal(typeof value, 'boolean', key.name);
    }
  });

  it('prints one temporal CLI command per attribute for operators of a cluster', function () {
    const commands = registrationCommands('zhengzhou-prod');
    assert.equal(commands.length, ALL_SEARCH_ATTRIBUTES.length);
    assert.ok(
      commands.includes(
        'temporal operator search-attribute create --namespace zhengzhou-prod --name OneThingNextDeadline --type Datetime',
      ),
    );
  });
});
