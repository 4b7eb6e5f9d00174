/**
 * What a scope costs (issue #9): one device's whole plan (load, cut, remediate, roll back, predict,
 * verify both ways) on the generated IOS pair at N = 5,000, without a scope and within the scopes users
 * write: a few features (cheaper: most of the config is cut away), the ignore presets (top level only),
 * and a lineage that reaches every interface (the deepest walk). Without a scope nothing is cut or
 * compared: that row is the baseline the others are read against.
 *
 * `node out/test/bench/index.js scope` runs it alone.
 */
import { createEngine, validateScope } from '../../server/src/engine/index';
import { createRemediationEngine } from '../../server/src/engine/remediation/index';
import { generateIosConfig } from '../support/generateIosConfig';
import { mutateIosConfig } from '../support/mutateIosConfig';
import { measure, type Measurement } from './measure';

const N = 5_000;

const SCOPES: readonly [string, unknown][] = [
  ['no scope', undefined],
  ['manage 4 features', { manage: { features: ['ntp', 'snmp', 'logging', 'routing-bgp'] } }],
  ['ignore presets', { ignore: [{ preset: 'credentials' }, { preset: 'licensing' }, { preset: 'pki' }] }],
  [
    'manage interface descriptions',
    { manage: { lineages: [{ lineage: [{ startswith: 'interface ' }, { startswith: 'description ' }] }] } },
  ],
];

export async function scopeBenchmarks(): Promise<Measurement[]> {
  const parser = createEngine();
  const engine = createRemediationEngine();
  const runningText = generateIosConfig(N);
  const running = parser.parse(runningText, { platform: 'cisco_ios' });
  const intended = parser.parse(mutateIosConfig(runningText, N), { platform: 'cisco_ios' });
  const results: Measurement[] = [];
  for (const [name, value] of SCOPES) {
    const { scope, errors } = validateScope(value);
    if (errors.length > 0) throw new Error(`bench scope ${name}: ${JSON.stringify(errors)}`);
    results.push(
      await measure(
        `scope: plan, N=${N.toLocaleString('en')}, ${name}`,
        () => engine.plan(running, intended, { scope }).verify.length,
        { warmup: 5 },
      ),
    );
  }
  return results;
}
