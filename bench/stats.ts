/** Summaries of repeated measurements: the median with its spread, and latency percentiles. */

export interface Spread {
  median: number;
  min: number;
  max: number;
  /** (max − min) / median: how far apart the repetitions are, as a fraction of the median. */
  relativeSpread: number;
  samples: number[];
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function spreadOf(samples: readonly number[]): Spread {
  const median = percentile(samples, 50);
  const min = Math.min(...samples);
  const max = Math.max(...samples);
  return { median, min, max, relativeSpread: median === 0 ? 0 : (max - min) / median, samples: [...samples] };
}

/** A ratio of two medians, and whether the repetitions' spread is wider than the difference it shows. */
export function ratioOf(numerator: Spread, denominator: Spread): { ratio: number; withinNoise: boolean } {
  const ratio = numerator.median / denominator.median;
  const noise = Math.max(numerator.relativeSpread, denominator.relativeSpread);
  return { ratio, withinNoise: Math.abs(ratio - 1) < noise };
}

/** The least-squares slope of y against x (0 when every x is the same). */
export function leastSquaresSlope(points: ReadonlyArray<{ x: number; y: number }>): number {
  const n = points.length;
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / n;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / n;
  const covariance = points.reduce((sum, p) => sum + (p.x - meanX) * (p.y - meanY), 0);
  const variance = points.reduce((sum, p) => sum + (p.x - meanX) ** 2, 0);
  return variance === 0 ? 0 : covariance / variance;
}
