// node:test's describe/it return promises its runner awaits; nothing here is left floating.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine } from '../../../server/src/engine';
import { generateIosConfig } from '../../support/generateIosConfig';
import { readFixture } from '../../support/paths';

const engine = createEngine();

describe('platform detection', () => {
  for (const [file, platform] of [
    ['ios-router.cfg', 'cisco_ios'],
    ['ios-switch.cfg', 'cisco_ios'],
    ['ios-crlf.cfg', 'cisco_ios'],
    ['nxos-leaf.cfg', 'cisco_nxos'],
  ] as const) {
    it(`recognises ${file} as ${platform} with high confidence`, () => {
      const detection = engine.detectPlatform(readFixture('configs', file));
      assert.equal(detection.platform, platform);
      assert.ok(detection.confidence >= 0.9, `confidence ${detection.confidence}`);
      assert.ok(detection.reasons.every((r) => r.platform === platform));
    });
  }

  it('says where each clue was seen', () => {
    const detection = engine.detectPlatform(readFixture('configs', 'nxos-leaf.cfg'));
    assert.deepEqual(detection.reasons.slice(0, 3), [
      { platform: 'cisco_nxos', line: 1, clue: '`!Command:` header' },
      { platform: 'cisco_nxos', line: 2, clue: '`!Running configuration last done at:` header' },
      { platform: 'cisco_nxos', line: 3, clue: '`!Time:` header' },
    ]);
  });

  it('recognises an IOS backup without its header lines (as Oxidized stores it)', () => {
    const text = generateIosConfig(20).split('\n').slice(3).join('\n');
    const detection = engine.detectPlatform(text);
    assert.equal(detection.platform, 'cisco_ios');
    assert.ok(detection.confidence >= 0.9);
  });

  it('is moderately sure from a single strong clue', () => {
    const detection = engine.detectPlatform('hostname LEAF\nfeature bgp\ninterface loopback0\n');
    assert.equal(detection.platform, 'cisco_nxos');
    assert.equal(detection.confidence, 0.5);
  });

  it('knows nothing from a file with no clues', () => {
    for (const text of ['', '!\n! nothing\n', 'hostname R1\ninterface Loopback0\n']) {
      assert.deepEqual(engine.detectPlatform(text), { platform: undefined, confidence: 0, reasons: [] });
    }
  });

  it('is less sure when the clues disagree', () => {
    const detection = engine.detectPlatform(
      '!Command: show running-config\nfeature bgp\ninterface GigabitEthernet0/1\n ip address 10.0.0.1 255.255.255.0\n',
    );
    assert.equal(detection.platform, 'cisco_nxos');
    assert.ok(detection.confidence > 0 && detection.confidence < 0.7, `confidence ${detection.confidence}`);
  });

  it('reads only the start of a huge file', () => {
    const text = `${'!\n'.repeat(40_000)}feature bgp\n`;
    assert.equal(engine.detectPlatform(text).platform, undefined);
  });
});
