/**
 * Sequenced ACL entries and numbered ACLs (PLATFORM-RULES.md, "Device behaviour beyond hier_config"):
 * the plan of an edit (free numbers, renumbering), the script, and what the predicted config does with
 * scripts, including hand-written ones.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { planListEdit } from '../../../server/src/engine/remediation/device/sequenced';
import { cfg, engine, load, plan, remediation, rollback } from './support/harness';

function applied(platform: 'cisco_ios' | 'cisco_nxos', running: string, script: string): string {
  return engine.renderConfig(engine.predict(load(platform, running), load(platform, script))).trimEnd();
}

describe('planning a list edit', () => {
  const seq = (n: number): number[] => Array.from({ length: n }, (_, i) => 10 * (i + 1));

  test('equal contents, whatever the numbers: nothing to do', () => {
    assert.equal(planListEdit(['a', 'b'], [10, 20], ['a', 'b'], [5, 7], false), undefined);
  });

  test("a new entry takes the template's number when free and in place, else one between its neighbours", () => {
    assert.deepEqual(
      [...(planListEdit(['a', 'c'], [10, 30], ['a', 'b', 'c'], [10, 20, 30], false)?.added ?? [])],
      [[1, 20]],
    );
    assert.deepEqual(
      [...(planListEdit(['a', 'c'], [10, 20], ['a', 'b', 'c'], [10, 20, 30], false)?.added ?? [])],
      [[1, 15]],
    );
  });

  test('entries still to be removed hold their numbers; at the end, past every number in use', () => {
    const edit = planListEdit(['a', 'x', 'y'], seq(3), ['a', 'b', 'c'], seq(3), false);
    assert.deepEqual(edit?.dropped, [1, 2]);
    assert.deepEqual(
      [...(edit?.added ?? [])],
      [
        [1, 40],
        [2, 50],
      ],
    );
  });

  test('no room in a gap: the list is renumbered first, with room for every new entry', () => {
    const edit = planListEdit(['a', 'b'], [10, 11], ['a', 'n', 'b'], [10, 20, 30], false);
    assert.deepEqual(edit?.resequence, { start: 10, step: 10 });
    assert.deepEqual([...(edit?.added ?? [])], [[1, 15]]);
    const many = Array.from({ length: 12 }, (_, i) => `n${i}`);
    const wide = planListEdit(['a', 'b'], [10, 20], ['a', ...many, 'b'], seq(14), true);
    assert.deepEqual(wide?.resequence, { start: 20, step: 20 });
  });

  test('an entry moving is removed first (a list holds a content once), a dropped one after the additions', () => {
    const edit = planListEdit(['a', 'b', 'c'], seq(3), ['b', 'a', 'd'], seq(3), false);
    assert.deepEqual(edit?.movedOut, [0]);
    assert.deepEqual(edit?.dropped, [2]);
  });
});

describe('named ACLs', () => {
  test('removal by content, additions first; unnumbered lists (IOS 15) renumbered before an insertion', () => {
    const run = cfg('ip access-list extended X', ' permit tcp any any eq 22', ' deny ip any any');
    const int = cfg('ip access-list extended X', ' permit tcp any any eq 443', ' deny ip any any');
    assert.equal(
      remediation('cisco_ios', run, int),
      'ip access-list resequence X 10 10\nip access-list extended X\n 5 permit tcp any any eq 443\n no permit tcp any any eq 22',
    );
    assert.deepEqual(plan('cisco_ios', run, int).verify, []);
  });

  test('predict: `no <entry>` removes the entry with that content, `no N` the entry numbered N; number order kept', () => {
    const run = cfg(
      'ip access-list X',
      '  10 permit ip 10.0.0.0/8 any',
      '  20 remark r',
      '  30 deny ip any any',
    );
    assert.equal(
      applied(
        'cisco_nxos',
        run,
        cfg('ip access-list X', '  no permit ip 10.0.0.0/8 any', '  no 20', '  25 permit ip any any'),
      ),
      'ip access-list X\n  25 permit ip any any\n  30 deny ip any any',
    );
  });

  test('predict: a renumbering command renumbers and is not configuration', () => {
    const run = cfg('ip access-list X', '  10 permit ip any any', '  11 deny ip any any');
    assert.equal(
      applied('cisco_nxos', run, cfg('resequence ip access-list X 100 5')),
      'ip access-list X\n  100 permit ip any any\n  105 deny ip any any',
    );
  });

  test('the rollback renumbers before adding: the device holds the remediation’s numbers, not the file’s', () => {
    const run = cfg('ip access-list X', '  10 permit ip host 1.1.1.1 any', '  20 deny ip any any');
    const int = cfg('ip access-list X', '  10 permit ip host 2.2.2.2 any', '  20 deny ip any any');
    assert.match(rollback('cisco_nxos', run, int), /^resequence ip access-list X 10 10\n/);
  });
});

describe('numbered ACLs (IOS)', () => {
  const run = cfg(
    'access-list 10 permit 10.0.0.1',
    'access-list 10 permit 10.0.0.3',
    'access-list 10 deny any',
  );

  test('an entry between two others: renumbered, then inserted at a free number', () => {
    const int = cfg(
      'access-list 10 permit 10.0.0.1',
      'access-list 10 permit 10.0.0.2',
      'access-list 10 permit 10.0.0.3',
      'access-list 10 deny any',
    );
    assert.equal(
      remediation('cisco_ios', run, int),
      'ip access-list resequence 10 10 10\nip access-list standard 10\n 15 permit 10.0.0.2',
    );
    assert.deepEqual(plan('cisco_ios', run, int).verify, []);
  });

  test('a reordered list is a change (first match wins), though no line differs', () => {
    const int = cfg(
      'access-list 10 permit 10.0.0.3',
      'access-list 10 permit 10.0.0.1',
      'access-list 10 deny any',
    );
    const p = plan('cisco_ios', run, int);
    assert.notEqual(engine.render(p.remediation), '');
    assert.deepEqual(p.verify, []);
  });

  test('predict: any `no access-list N ...` deletes list N whole, as the device does', () => {
    assert.equal(
      applied('cisco_ios', cfg(run.trimEnd(), 'hostname r1'), cfg('no access-list 10 permit 10.0.0.3')),
      'hostname r1',
    );
    const p = plan('cisco_ios', run, cfg());
    assert.equal(engine.render(p.remediation).trimEnd(), 'no access-list 10');
  });

  test('an extended list out of the standard and extended ranges (a MAC list, 700) is sent whole again', () => {
    const mac = cfg(
      'access-list 700 permit 0000.0c00.0000 0000.00ff.ffff',
      'access-list 700 deny 0000.0000.0000 ffff.ffff.ffff',
    );
    const int = mac.replace('0000.0c00.0000', '0000.0d00.0000');
    assert.equal(
      remediation('cisco_ios', mac, int),
      'no access-list 700\naccess-list 700 permit 0000.0d00.0000 0000.00ff.ffff\naccess-list 700 deny 0000.0000.0000 ffff.ffff.ffff',
    );
  });
});
