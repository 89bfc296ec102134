import assert from 'node:assert/strict';
import { secondHalfGrowth } from '../../bench/workloads/campaign-scale';

describe("bench: a campaign's worker memory growth", function () {
  it('fits MiB per household ended over the second half only, leaving the ramp-up out', function () {
    // Ramp-up: 400 MiB of in-flight cases in the first two buckets; then 0.5 MiB per household ended.
    const ended = [10, 10, 10, 10, 10, 10];
    const rss = [500, 900, 905, 910, 915, 920];
    assert.equal(secondHalfGrowth(ended, rss), 0.5);
  });

  it('is flat for a worker that keeps nothing of its finished cases', function () {
    assert.equal(secondHalfGrowth([5, 20, 20, 20], [300, 600, 600, 600]), 0);
  });
});
