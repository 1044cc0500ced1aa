export interface Latency {
  p50: number;
  p99: number;
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('no values');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;
}

export const latencyOf = (values: readonly number[]): Latency => ({ p50: percentile(values, 50), p99: percentile(values, 99) });
