/**
 * BGP peer groups (IOS) and peer templates (NX-OS), PLATFORM-RULES.md "Device behaviour beyond
 * hier_config": what the script sends, and what the predicted config says a script does on the
 * device, scripts written by hand included (read from text, without the engine's record of each line).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { removedLineCount } from '../../../server/src/engine/remediation/index';
import { cfg, engine, load, plan, remediation } from './support/harness';

/** The predicted config of `script` (read as text) applied to `running`, as config text. */
function applied(platform: 'cisco_ios' | 'cisco_nxos', running: string, script: string): string {
  return engine.renderConfig(engine.predict(load(platform, running), load(platform, script))).trimEnd();
}

describe('IOS peer groups', () => {
  const run = cfg(
    'router bgp 1',
    ' neighbor PG peer-group',
    ' neighbor PG remote-as 1',
    ' neighbor EBGP peer-group',
    ' neighbor 10.0.0.1 peer-group PG',
    ' neighbor 10.0.0.1 description one',
    ' neighbor 10.0.0.2 peer-group PG',
    ' neighbor 10.0.0.3 remote-as 3',
    ' neighbor 10.0.0.3 peer-group EBGP',
    ' neighbor 10.0.0.3 description three',
    ' address-family ipv4',
    '  neighbor PG activate',
    '  neighbor 10.0.0.1 activate',
    '  neighbor 10.0.0.2 activate',
    '  neighbor 10.0.0.3 activate',
    ' address-family ipv4 vrf A',
    '  neighbor 10.0.0.1 remote-as 9',
    '  neighbor 10.0.0.1 activate',
  );

  test('predict: `no neighbor PG peer-group` takes the group and its members, not the VRF neighbor', () => {
    assert.equal(
      applied('cisco_ios', run, cfg('router bgp 1', ' no neighbor PG peer-group')),
      cfg(
        'router bgp 1',
        ' neighbor EBGP peer-group',
        ' neighbor 10.0.0.3 remote-as 3',
        ' neighbor 10.0.0.3 peer-group EBGP',
        ' neighbor 10.0.0.3 description three',
        ' address-family ipv4',
        '  neighbor 10.0.0.3 activate',
        ' address-family ipv4 vrf A',
        '  neighbor 10.0.0.1 remote-as 9',
        '  neighbor 10.0.0.1 activate',
      ).trimEnd(),
    );
  });

  test('predict: a member without its own AS leaving its group goes whole; one with its own stays', () => {
    const predicted = applied(
      'cisco_ios',
      run,
      cfg('router bgp 1', ' no neighbor 10.0.0.1 peer-group PG', ' no neighbor 10.0.0.3 peer-group EBGP'),
    );
    assert.ok(!predicted.includes(' neighbor 10.0.0.1 description one'), predicted);
    assert.ok(!predicted.includes('  neighbor 10.0.0.1 activate\n  neighbor 10.0.0.2'), predicted);
    assert.ok(predicted.includes(' neighbor 10.0.0.3 description three'), predicted);
    assert.ok(!predicted.includes('peer-group EBGP'), predicted);
    assert.ok(predicted.includes('  neighbor 10.0.0.1 remote-as 9'), predicted);
  });

  test('predict: an AS sent before the member leaves keeps the neighbor (the device holds it by then)', () => {
    const predicted = applied(
      'cisco_ios',
      run.replace(' neighbor PG remote-as 1\n', ''),
      cfg('router bgp 1', ' neighbor 10.0.0.1 remote-as 5', ' no neighbor 10.0.0.1 peer-group PG'),
    );
    assert.ok(predicted.includes(' neighbor 10.0.0.1 description one'), predicted);
  });

  test('a removed group is one line: members, their address-family lines and own triggers absorbed', () => {
    const int = cfg(
      'router bgp 1',
      ' neighbor EBGP peer-group',
      ' address-family ipv4',
      ' address-family ipv4 vrf A',
      '  neighbor 10.0.0.1 remote-as 9',
      '  neighbor 10.0.0.1 activate',
    );
    const p = plan(
      'cisco_ios',
      run.replace(' neighbor 10.0.0.3 peer-group EBGP\n', ' neighbor 10.0.0.3 peer-group PG\n'),
      int,
    );
    assert.equal(engine.render(p.remediation).trimEnd(), 'router bgp 1\n no neighbor PG peer-group');
    assert.deepEqual(p.verify, []);
    // The group's 3 lines, 10.0.0.1 (3), 10.0.0.2 (2), 10.0.0.3 (4, its `no ... remote-as` included).
    assert.equal(removedLineCount(p.remediation.root.children[0].children[0]), 12);
  });

  test('a member that leaves for another group is sent again whole, `activate` first', () => {
    const int = run
      .replace(' neighbor 10.0.0.1 peer-group PG\n', ' neighbor 10.0.0.1 peer-group NEW\n')
      .replace(
        ' neighbor EBGP peer-group\n',
        ' neighbor EBGP peer-group\n neighbor NEW peer-group\n neighbor NEW remote-as 1\n',
      )
      .replace(
        '  neighbor 10.0.0.1 activate\n  neighbor 10.0.0.2',
        '  neighbor 10.0.0.1 activate\n  neighbor 10.0.0.1 weight 5\n  neighbor 10.0.0.2',
      );
    const p = plan('cisco_ios', run, int);
    assert.equal(
      engine.render(p.remediation).trimEnd(),
      cfg(
        'router bgp 1',
        ' neighbor NEW peer-group',
        ' neighbor NEW remote-as 1',
        ' no neighbor 10.0.0.1 peer-group PG',
        ' neighbor 10.0.0.1 peer-group NEW',
        ' neighbor 10.0.0.1 description one',
        ' address-family ipv4',
        '  neighbor 10.0.0.1 activate',
        '  neighbor 10.0.0.1 weight 5',
      ).trimEnd(),
    );
    assert.deepEqual(p.verify, []);
    assert.deepEqual(p.rollbackVerify, []);
  });

  test('a group defined in a VRF address family goes with its members there only', () => {
    const vrf = cfg(
      'router bgp 1',
      ' neighbor 10.0.0.1 remote-as 2',
      ' address-family ipv4 vrf A',
      '  neighbor CE peer-group',
      '  neighbor CE remote-as 65001',
      '  neighbor 10.0.0.1 peer-group CE',
      '  neighbor 10.0.0.1 activate',
    );
    assert.equal(
      applied(
        'cisco_ios',
        vrf,
        cfg('router bgp 1', ' address-family ipv4 vrf A', '  no neighbor CE peer-group'),
      ),
      cfg('router bgp 1', ' neighbor 10.0.0.1 remote-as 2', ' address-family ipv4 vrf A').trimEnd(),
    );
  });
});

describe('NX-OS peer templates', () => {
  const run = cfg(
    'router bgp 1',
    '  template peer OLD',
    '    remote-as 2',
    '  neighbor 10.0.0.1',
    '    inherit peer OLD',
    '  vrf A',
    '    neighbor 10.1.0.1',
    '      inherit peer OLD',
  );

  test('a new template before its neighbors, the old one removed after them, inherit overwritten', () => {
    const int = cfg(
      'router bgp 1',
      '  neighbor 10.0.0.1',
      '    inherit peer NEW',
      '  vrf A',
      '    neighbor 10.1.0.1',
      '      inherit peer NEW',
      '  template peer NEW',
      '    remote-as 2',
    );
    const p = plan('cisco_nxos', run, int);
    assert.equal(
      engine.render(p.remediation).trimEnd(),
      cfg(
        'router bgp 1',
        '  template peer NEW',
        '    remote-as 2',
        '  neighbor 10.0.0.1',
        '    inherit peer NEW',
        '  vrf A',
        '    neighbor 10.1.0.1',
        '      inherit peer NEW',
        '  no template peer OLD',
      ).trimEnd(),
    );
    assert.deepEqual(p.verify, []);
  });

  test('a neighbor that stops inheriting sends `no inherit peer` before the template goes', () => {
    const int = cfg('router bgp 1', '  neighbor 10.0.0.1', '  vrf A', '    neighbor 10.1.0.1');
    assert.equal(
      remediation('cisco_nxos', run, int),
      cfg(
        'router bgp 1',
        '  neighbor 10.0.0.1',
        '    no inherit peer OLD',
        '  vrf A',
        '    neighbor 10.1.0.1',
        '      no inherit peer OLD',
        '  no template peer OLD',
      ).trimEnd(),
    );
  });
});
