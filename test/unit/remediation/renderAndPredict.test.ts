/** Rendering (indentation, exits, banners, certificates), the predicted config and verify. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HNode, type ConfigTree } from '../../../server/src/engine/remediation/index';
import { cfg, engine, load, parser, plan } from './support/harness';

describe('render', () => {
  const p = plan(
    'cisco_nxos',
    cfg(),
    cfg('interface Ethernet1/1', '  description d', '  hsrp 10', '    ip 10.0.0.1'),
  );

  test('platform indentation by default, or the one asked for', () => {
    assert.equal(
      engine.render(p.remediation),
      cfg('interface Ethernet1/1', '  description d', '  hsrp 10', '    ip 10.0.0.1'),
    );
    assert.equal(
      engine.render(p.remediation, { indent: 3 }),
      cfg('interface Ethernet1/1', '   description d', '   hsrp 10', '      ip 10.0.0.1'),
    );
    assert.equal(
      engine.render(plan('cisco_ios', cfg(), cfg('interface Gi1', '    description d')).remediation),
      cfg('interface Gi1', ' description d'),
    );
  });

  test('an empty script is empty text', () => {
    assert.equal(engine.render(plan('cisco_ios', cfg('hostname a'), cfg('hostname a')).remediation), '');
  });

  test('banners: a safe single delimiter for scripts, the original for configs', () => {
    const banner = plan(
      'cisco_ios',
      cfg(),
      cfg('banner motd ^C', 'Access ^ restricted # here', '^C', 'banner login ^CHi^C'),
    ).remediation;
    assert.equal(engine.render(banner), 'banner motd %\nAccess ^ restricted # here\n%\nbanner login ^Hi^\n');
    assert.equal(
      engine.render(banner, { bannerDelimiter: 'original' }),
      'banner motd ^C\nAccess ^ restricted # here\n^C\nbanner login ^CHi^C\n',
    );
    const nxos = plan('cisco_nxos', cfg(), cfg('banner motd #Hello!#')).remediation;
    assert.equal(engine.render(nxos), 'banner motd #Hello!#\n');
  });

  test('certificates: header, hex lines one level in, quit', () => {
    const chain = plan(
      'cisco_ios',
      cfg(),
      cfg('crypto pki certificate chain TP', ' certificate ca 01', '  3082 0122', '  30 81', '\tquit'),
    ).remediation;
    assert.equal(
      engine.render(chain),
      cfg('crypto pki certificate chain TP', ' certificate ca 01', '  3082 0122', '  30 81', '  quit'),
    );
  });

  test('the predicted config as a full config text', () => {
    const q = plan(
      'cisco_ios',
      cfg('hostname a', 'interface Gi1', ' shutdown'),
      cfg('hostname b', 'interface Gi1', ' no shutdown'),
    );
    assert.equal(engine.renderConfig(q.predicted), cfg('hostname b', 'interface Gi1', ' no shutdown'));
  });
});

/** A remediation read from text: no record of which line is a negation. */
function untagged(platform: 'cisco_ios' | 'cisco_nxos', text: string): ConfigTree {
  return load(platform, text);
}

describe('predict', () => {
  test('`no X` removes X, or the lines `X ...` when none is exactly X', () => {
    const running = load('cisco_ios', cfg('interface Gi1', ' description uplink', ' shutdown'));
    const predicted = engine.predict(
      running,
      untagged('cisco_ios', cfg('interface Gi1', ' no description', ' no shutdown')),
    );
    assert.equal(engine.renderConfig(predicted), cfg('interface Gi1'));
  });

  test('an unmatched `no` line of a remediation read from text is kept', () => {
    const predicted = engine.predict(
      load('cisco_ios', cfg('hostname a')),
      untagged('cisco_ios', cfg('no ip domain lookup')),
    );
    assert.equal(engine.renderConfig(predicted), cfg('hostname a', 'no ip domain lookup'));
  });

  test('an idempotent line replaces every line with its key; negate_with restores the default', () => {
    const running = load('cisco_ios', cfg('logging console informational', 'hostname a'));
    const predicted = engine.predict(
      running,
      untagged('cisco_ios', cfg('logging console debugging', 'hostname b')),
    );
    assert.equal(engine.renderConfig(predicted), cfg('hostname b'));
  });

  test('`default X` removes exactly X and `no X`', () => {
    const running = load(
      'cisco_nxos',
      cfg(
        'router bgp 1',
        '  neighbor 1.1.1.1',
        '    address-family ipv4 unicast',
        '      send-community',
        '      send-community extended',
      ),
    );
    const fix = untagged(
      'cisco_nxos',
      cfg(
        'router bgp 1',
        '  neighbor 1.1.1.1',
        '    address-family ipv4 unicast',
        '      default send-community',
      ),
    );
    assert.equal(
      engine.renderConfig(engine.predict(running, fix)),
      cfg(
        'router bgp 1',
        '  neighbor 1.1.1.1',
        '    address-family ipv4 unicast',
        '      send-community extended',
      ),
    );
  });

  test('never throws and leaves its inputs alone', () => {
    const running = load('cisco_ios', cfg('interface Gi1', ' shutdown'));
    const before = engine.renderConfig(running);
    const odd = untagged(
      'cisco_ios',
      cfg('no interface Gi9', 'interface Gi1', ' no no shutdown', 'default hostname', 'no'),
    );
    assert.doesNotThrow(() => engine.predict(running, odd));
    assert.equal(engine.renderConfig(running), before);
  });
});

describe('verify', () => {
  test('reports missing and unexpected lines by path, sibling order aside', () => {
    const a = load('cisco_ios', cfg('interface Gi1', ' description a', ' mtu 1500', 'hostname x'));
    const b = load('cisco_ios', cfg('hostname x', 'interface Gi1', ' mtu 1500', ' description b'));
    assert.deepEqual(
      engine.verify(a, b).map((d) => [d.kind, d.path.join(' > ')]),
      [
        ['missing', 'interface Gi1 > description b'],
        ['unexpected', 'interface Gi1 > description a'],
      ],
    );
    assert.deepEqual(engine.verify(a, a), []);
  });

  test('a hand-made tree can be verified too', () => {
    const tree = load('cisco_ios', cfg('hostname x'));
    tree.root.add(new HNode('ntp server 1.1.1.1'));
    assert.equal(engine.verify(tree, load('cisco_ios', cfg('hostname x'))).length, 1);
  });
});

describe('unified diff', () => {
  const running = cfg(
    'hostname a',
    'interface Gi1',
    ' description old',
    ' mtu 1500',
    'ntp server 1.1.1.1',
    'logging host 9.9.9.9',
  );
  const intended = cfg(
    'hostname a',
    'ntp server 1.1.1.1',
    'interface Gi1',
    ' description new',
    ' mtu 1500',
    'snmp-server location x',
  );
  const diff = (a: string, b: string): string =>
    engine.diff(parser.parse(a, { platform: 'cisco_ios' }), parser.parse(b, { platform: 'cisco_ios' }));

  test('only differing sections, each hunk headed by its section, sibling order aside', () => {
    assert.equal(
      diff(running, intended),
      [
        '--- running',
        '+++ intended',
        '@@ -2,3 +3,3 @@ interface Gi1',
        ' interface Gi1',
        '- description old',
        '+ description new',
        '  mtu 1500',
        '@@ -6,1 +0,0 @@ logging host 9.9.9.9',
        '-logging host 9.9.9.9',
        '@@ -0,0 +6,1 @@ snmp-server location x',
        '+snmp-server location x',
        '',
      ].join('\n'),
    );
  });

  test('identical configs diff to nothing', () => {
    assert.equal(diff(running, running), '');
  });
});
