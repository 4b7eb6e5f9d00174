/** Timing helpers for `npm run bench`: medians over repeated runs after warm-up, printed as a table. */

export interface Measurement {
  name: string;
  /** What the figure is compared with (e.g. "≤ 25 ms"), empty when there is no target. */
  target: string;
  medianMs: number;
  p90Ms: number;
  minMs: number;
  runs: number;
  /** Extra figures for the row, e.g. lines per second. */
  extra?: string;
  /** Whether the target holds; undefined when there is no target. */
  met?: boolean;
}

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

export async function measure(
  name: string,
  fn: () => unknown | Promise<unknown>,
  options: { runs?: number; warmup?: number; targetMs?: number; extra?: (medianMs: number) => string } = {},
): Promise<Measurement> {
  const runs = options.runs ?? 21;
  for (let i = 0; i < (options.warmup ?? 5); i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const medianMs = quantile(times, 0.5);
  return {
    name,
    target: options.targetMs === undefined ? '' : `≤ ${options.targetMs} ms`,
    medianMs,
    p90Ms: quantile(times, 0.9),
    minMs: times[0],
    runs,
    extra: options.extra?.(medianMs),
    met: options.targetMs === undefined ? undefined : medianMs <= options.targetMs,
  };
}

export function formatTable(rows: Measurement[]): string {
  const header = ['benchmark', 'median ms', 'p90 ms', 'min ms', 'runs', 'target', 'met', 'notes'];
  const body = rows.map((r) => [
    r.name,
    r.medianMs.toFixed(2),
    r.p90Ms.toFixed(2),
    r.minMs.toFixed(2),
    String(r.runs),
    r.target,
    r.met === undefined ? '' : r.met ? 'yes' : 'NO',
    r.extra ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
