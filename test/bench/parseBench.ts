import { createEngine } from '../../server/src/engine';
import { generateIosConfig } from '../support/generateIosConfig';
import { measure, type Measurement } from './measure';

/** Parse speed on the generated IOS config (issue 3: ≤ 25 ms at N = 5,000; hier_config ~1,100 ms). */
export async function parseBenchmarks(): Promise<Measurement[]> {
  const engine = createEngine();
  const rows: Measurement[] = [];
  for (const [n, targetMs] of [
    [1000, undefined],
    [5000, 25],
  ] as const) {
    const text = generateIosConfig(n);
    const lines = text.split('\n').length;
    // Keep the previous result alive, as the language server does with its cache.
    let kept = engine.parse(text, { platform: 'cisco_ios' });
    rows.push(
      await measure(
        `parse IOS, N=${n} (${lines} lines)`,
        () => (kept = engine.parse(text, { platform: 'cisco_ios' })),
        {
          runs: 31,
          warmup: 10,
          targetMs,
          extra: (ms) =>
            `${Math.round(lines / (ms / 1000)).toLocaleString('en-US')} lines/s, ${kept.nodeCount} nodes`,
        },
      ),
    );
  }
  return rows;
}
