/** Feature overrides: validation errors that name the field, and how overrides apply. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_FEATURES, resolveFeatureSets, validateFeatures } from '../../../server/src/engine';

describe('feature validation', () => {
  test('nothing given is no overrides and no errors', () => {
    assert.deepEqual(validateFeatures(undefined), { features: {}, errors: [] });
  });

  test('each error names its field from the document root', () => {
    const { errors, features } = validateFeatures({
      cisco_ios: [
        { name: 'ntp', match: [{ startswith: 'ntp ' }] },
        { name: 'Bad Name', match: [{ startswith: 'x' }] },
        { name: 'mgmt', match: [{ re_search: '(unclosed' }] },
        { name: 'mgmt2', match: [{ begins: 'ip ssh' }], colour: 'red' },
        { name: 'other', match: [{ startswith: 'x' }] },
        { name: 'ntp', match: [{ startswith: 'clock ' }] },
        { name: 'empty', match: [{}] },
        { name: 'nothing', match: [] },
        { name: 'slow', match: [{ re_search: '^(a+)+$' }] },
        { name: 'titled', title: '', match: [{ startswith: 3 }] },
        'ntp',
      ],
      cisco_nxos: { name: 'x' },
      juniper: [],
    });
    assert.deepEqual(
      errors.map((e) => e.field),
      [
        'features.cisco_ios[1].name',
        'features.cisco_ios[2].match[0].re_search',
        'features.cisco_ios[3].colour',
        'features.cisco_ios[3].match[0].begins',
        'features.cisco_ios[4].name',
        'features.cisco_ios[5].name',
        'features.cisco_ios[6].match[0]',
        'features.cisco_ios[7].match',
        'features.cisco_ios[8].match[0].re_search',
        'features.cisco_ios[9].title',
        'features.cisco_ios[9].match[0].startswith',
        'features.cisco_ios[10]',
        'features.cisco_nxos',
        'features.juniper',
      ],
    );
    const message = (field: string) => errors.find((e) => e.field === field)?.message ?? '';
    assert.match(message('features.cisco_ios[2].match[0].re_search'), /not a valid regular expression/);
    assert.match(message('features.cisco_ios[3].colour'), /unknown field/);
    assert.match(message('features.cisco_ios[3].match[0].begins'), /unknown criterion/);
    assert.match(message('features.cisco_ios[4].name'), /"other" is implicit/);
    assert.match(
      message('features.cisco_ios[5].name'),
      /defined twice \(first at features\.cisco_ios\[0\]\)/,
    );
    assert.match(message('features.cisco_ios[6].match[0]'), /needs at least one of/);
    assert.match(message('features.cisco_ios[7].match'), /"nothing" is not one/);
    assert.match(message('features.cisco_ios[8].match[0].re_search'), /exponential/);
    assert.match(message('features.juniper'), /unknown platform/);
    // Only the valid entry is kept.
    assert.deepEqual(features.cisco_ios, [{ name: 'ntp', match: [{ startswith: 'ntp ' }] }]);
  });

  test('the root of the field names is the caller’s', () => {
    assert.deepEqual(validateFeatures('all of them', 'netremediate.features').errors, [
      {
        field: 'netremediate.features',
        message: 'must be an object keyed by platform (cisco_ios, cisco_nxos)',
      },
    ]);
  });
});

describe('feature overrides', () => {
  test('a built-in name replaces that feature in place; [] removes it; a new name goes first', () => {
    const { features } = validateFeatures({
      cisco_ios: [
        { name: 'ntp', title: 'Time', match: [{ startswith: ['ntp ', 'clock '] }] },
        { name: 'crypto', match: [] },
        { name: 'mgmt', title: 'Management', match: [{ re_search: '^ip (ssh|http) ' }] },
      ],
    });
    const sets = resolveFeatureSets([features]);
    const names = sets.cisco_ios.map((f) => f.name);
    const builtIn = DEFAULT_FEATURES.cisco_ios.map((f) => f.name);
    assert.deepEqual(names, ['mgmt', ...builtIn.filter((n) => n !== 'crypto')]);
    const ntp = sets.cisco_ios.find((f) => f.name === 'ntp');
    assert.deepEqual(ntp, { name: 'ntp', title: 'Time', match: [{ startswith: ['ntp ', 'clock '] }] });
    assert.equal(sets.cisco_nxos, DEFAULT_FEATURES.cisco_nxos, 'a platform not named keeps the built-in set');
  });

  test('per platform, a later layer (the manifest) replaces an earlier one (the setting)', () => {
    const setting = validateFeatures({
      cisco_ios: [{ name: 'from-setting', match: [{ startswith: 'ip ssh ' }] }],
      cisco_nxos: [{ name: 'from-setting', match: [{ startswith: 'ssh ' }] }],
    }).features;
    const manifest = validateFeatures({
      cisco_ios: [{ name: 'from-manifest', match: [{ startswith: 'ip http ' }] }],
    }).features;
    const sets = resolveFeatureSets([setting, manifest]);
    assert.equal(sets.cisco_ios[0].name, 'from-manifest');
    assert.equal(
      sets.cisco_ios.some((f) => f.name === 'from-setting'),
      false,
    );
    assert.equal(sets.cisco_nxos[0].name, 'from-setting');
  });
});
