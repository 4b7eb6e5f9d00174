/**
 * Remediation speed (issue 4): on the generated IOS pair with about 10% of lines changed, parse both
 * configs, load them, compute the remediation and the rollback. Targets: ≤ 15 ms at N = 1,000 and
 * ≤ 80 ms at N = 5,000 (hier_config: about 880 ms and 4,000 ms on this kind of machine).
 *
 * `node out/test/bench/remediationBench.js` runs it alone and prints the table.
 */
import { createEngine } from '../../server/src/engine/index';
import { createRemediationEngine } from '../../server/src/engine/remediation/index';
import { generateIosConfig } from '../support/generateIosConfig';
import { mutateIosConfig } from '../support/mutateIosConfig';
import { measure, type Measurement } from './measure';

const TARGETS: readonly { n: number; targetMs: number }[] = [
  { n: 1_000, targetMs: 15 },
  { n: 5_000, targetMs: 80 },
];

export async function remediationBenchmarks(): Promise<Measurement[]> {
  const parser = createEngine();
  const engine = createRemediationEngine();
  const results: Measurement[] = [];
  for (const { n, targetMs } of TARGETS) {
    const runningText = generateIosConfig(n);
    const intendedText = mutateIosConfig(runningText, n);
    const lines = countLines(runningText) + countLines(intendedText);
    const run = (sections: 'eager' | 'lazy'): number => {
      const running = engine.load(parser.parse(runningText, { platform: 'cisco_ios', sections }));
      const intended = engine.load(parser.parse(intendedText, { platform: 'cisco_ios', sections }));
      const remediation = engine.remediate(running, intended);
      const rollback = engine.rollback(running, intended);
      return remediation.root.children.length + rollback.root.children.length;
    };
    const extra = (ms: number): string =>
      `${lines.toLocaleString('en')} lines, ${Math.round(lines / (ms / 1000)).toLocaleString('en')} lines/s`;
    const name = `remediation: parse both + remediate + rollback, N=${n.toLocaleString('en')}`;
    // The target on the eager parse (every line read, as the editor and the job workers parse); the
    // lazy parse of the CLI's pair commands is shown beside it.
    results.push(await measure(name, () => run('eager'), { warmup: 20, targetMs, extra }));
    results.push(await measure(`${name}, lazy sections (CLI)`, () => run('lazy'), { warmup: 20, extra }));
  }
  return results;
}

function countLines(text: string): number {
  let count = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
