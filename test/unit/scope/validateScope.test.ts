/** validateScope: errors name their field; a scope with any error is not used; `{}` is no scope. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PRESETS, SCOPE_PRESETS, validateScope } from '../../../server/src/engine/index';

function errorsOf(value: unknown, known?: ReadonlySet<string>): Record<string, string> {
  return Object.fromEntries(validateScope(value, 'scope', known).errors.map((e) => [e.field, e.message]));
}

describe('validateScope', () => {
  test('nothing, {} and an empty ignore list are no scope and no errors', () => {
    for (const value of [undefined, null, {}, { ignore: [] }])
      assert.deepEqual(validateScope(value), { scope: undefined, errors: [] }, JSON.stringify(value));
  });

  test('a valid scope comes back as written', () => {
    const value = {
      manage: {
        features: ['ntp', 'other'],
        lineages: [
          {
            lineage: [{ startswith: 'interface ' }, { re_search: '^description ' }],
            platforms: ['cisco_ios'],
          },
        ],
      },
      ignore: [{ preset: 'credentials' }, { lineage: [{ startswith: ['license ', 'call-home'] }] }],
    };
    assert.deepEqual(validateScope(value), { scope: value, errors: [] });
  });

  test('each error names its field, and the scope is not used', () => {
    const value = {
      manage: {
        features: ['ntp', 'NTP', 3],
        lineages: [
          { lineage: [] },
          { lineage: [{ begins: 'x' }] },
          { lineage: [{ startswith: 'a' }], platforms: ['junos'] },
          'interface',
        ],
      },
      ignore: [
        { preset: 'passwords' },
        { lineage: [{ re_search: '(unclosed' }] },
        { lineage: [{ re_search: '^(a+)+$' }] },
        { lineage: [{}] },
        { lineage: [{ startswith: 'x' }], weight: 3 },
      ],
      manages: {},
    };
    const { scope, errors } = validateScope(value);
    assert.equal(scope, undefined);
    const byField = Object.fromEntries(errors.map((e) => [e.field, e.message]));
    assert.match(byField['scope.manage.features[1]'], /feature name/);
    assert.match(byField['scope.manage.features[2]'], /feature name/);
    assert.match(byField['scope.manage.lineages[0].lineage'], /1 to 8 predicates/);
    assert.match(byField['scope.manage.lineages[1].lineage[0].begins'], /unknown criterion/);
    assert.match(byField['scope.manage.lineages[2].platforms'], /cisco_ios, cisco_nxos/);
    assert.match(byField['scope.manage.lineages[3]'], /must be an object/);
    assert.match(byField['scope.ignore[0].preset'], /credentials, licensing, pki/);
    assert.match(byField['scope.ignore[1].lineage[0].re_search'], /not a valid regular expression/);
    assert.match(byField['scope.ignore[2].lineage[0].re_search'], /exponential/);
    assert.match(byField['scope.ignore[3].lineage[0]'], /at least one of/);
    assert.match(byField['scope.ignore[4].weight'], /unknown field/);
    assert.match(byField['scope.manages'], /unknown field/);
    assert.equal(errors.length, 12, JSON.stringify(errors, null, 1));
  });

  test('a manage that names nothing is an error (leave it out to manage everything)', () => {
    assert.match(errorsOf({ manage: {} })['scope.manage'], /names nothing to manage/);
    assert.match(errorsOf({ manage: { features: [] } })['scope.manage'], /names nothing/);
    assert.match(errorsOf({ manage: 'ntp' })['scope.manage'], /must be an object/);
    assert.match(errorsOf([])['scope'], /must be an object/);
  });

  test('feature names are checked against the known ones when given', () => {
    const known = new Set(['ntp', 'snmp', 'other']);
    assert.deepEqual(errorsOf({ manage: { features: ['ntp', 'other'] } }, known), {});
    assert.match(
      errorsOf({ manage: { features: ['ntp', 'snpm'] } }, known)['scope.manage.features[1]'],
      /unknown feature "snpm" \(known: ntp, other, snmp\)/,
    );
  });

  test('the root names where the scope came from', () => {
    const { errors } = validateScope({ ignore: 'users' }, 'netremediate.scope');
    assert.deepEqual(
      errors.map((e) => e.field),
      ['netremediate.scope.ignore'],
    );
  });

  test('every preset has rules for every platform it documents, each a valid lineage', () => {
    for (const preset of SCOPE_PRESETS) {
      const { errors } = validateScope({ ignore: PRESETS[preset].cisco_ios.map((lineage) => ({ lineage })) });
      assert.deepEqual(errors, [], preset);
      assert.ok(PRESETS[preset].cisco_ios.length > 0, `${preset} has IOS rules`);
    }
  });
});
