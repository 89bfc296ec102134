import assert from 'node:assert/strict';
import { costOf } from '../../bench/history-figures';
import { loadCorpus } from '../replay/corpus';

describe('bench history figures', function () {
  const corpus = loadCorpus();

  it('names every billable action it counts, in every committed history', function () {
    assert.ok(corpus.length > 0);
    for (const { file, history } of corpus) {
      const cost = costOf(history);
      assert.ok(cost.workflowTasks >= 1 && cost.historyBytes > 0, file);
      const named = Object.values(cost.actionsByName).reduce((sum, n) => sum + n, 0);
      assert.equal(named, cost.billableActions, file);
      assert.ok(!Object.keys(cost.actionsByName).some((name) => name.includes('?')), file);
    }
  });

  it('names a settled household’s four settlement shares and its Updates', function () {
    const { history } = corpus.find(({ file }) =>
      file.startsWith('gasRetrofitHousehold_residential-closed-on-baseline'),
    )!;
    const { actionsByName } = costOf(history);
    assert.equal(actionsByName['activity bookSettlementShare'], 4);
    assert.equal(actionsByName['workflow start'], 1);
    assert.equal(actionsByName['Update acceptance'], 2);
  });
});
