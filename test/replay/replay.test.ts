import assert from 'node:assert/strict';
import { Worker } from '@temporalio/worker';
import { testDataConverter, workflowBundle } from '../helpers/temporal';
import { loadCorpus } from './corpus';

describe('replay corpus: every committed history replays against the current workflow code', function () {
  const corpus = loadCorpus();

  it('has histories to replay', function () {
    assert.ok(corpus.length > 0, 'test/histories is empty: run npm run histories:record');
  });

  for (const { file, workflowId, history } of corpus) {
    it(file, async function () {
      await Worker.runReplayHistory(
        { workflowBundle: await workflowBundle(), dataConverter: testDataConverter() },
        history,
        workflowId,
      );
    });
  }
});
