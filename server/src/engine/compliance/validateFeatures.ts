/**
 * Feature overrides as users write them (`features` in `netremediate.json`, the `netremediate.features`
 * setting, `netremediate compliance --features FILE`), checked field by field, and merged over the
 * built-in sets.
 *
 *   { "cisco_ios": [
 *       { "name": "ntp", "match": [{ "startswith": ["ntp ", "clock "] }] },        // replaces ntp's rules
 *       { "name": "mgmt", "title": "Management", "match": [{ "re_search": "^ip (ssh|http) " }] },
 *       { "name": "crypto", "match": [] } ] }                                       // removes crypto
 *
 * Semantics, per platform:
 * - an entry named like a built-in feature replaces that feature's rules (and title, when given) in
 *   place; with `"match": []` it removes the feature (its lines fall to later features, or `other`);
 * - an entry with a new name is a new feature, matched before the built-in ones (in the order given),
 *   like user platform rules: where first match wins, the user's win;
 * - layers: the setting, then a folder's manifest; a later layer that names a platform replaces what
 *   earlier layers said about that platform (the manifest wins over the setting, per platform), and
 *   platforms it leaves out keep theirs.
 */
import { PLATFORMS, type Platform } from '../model/types';
import { checkPredicate, isObject, type RuleError } from '../rules/userRules';
import { DEFAULT_FEATURES } from './defaultFeatures';
import type { MatchRule } from '../rules/types';
import { OTHER_FEATURE, type FeatureDefinition, type FeatureSets } from './types';

/** What a layer says, per platform it names: entries to apply over the built-in list. */
export type FeatureOverrides = Partial<Record<Platform, readonly FeatureDefinition[]>>;

/** A field that is wrong, named from the document's root: `features.cisco_ios[2].match[0].re_search`. */
export interface FeatureError {
  readonly field: string;
  readonly message: string;
}

const ENTRY_FIELDS = new Set(['name', 'title', 'match']);
const CRITERIA = ['equals', 'startswith', 'endswith', 'contains', 're_search'];
const NAME = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
const MAX_FEATURES = 200;
const MAX_RULES = 100;
const MAX_TITLE = 100;

/**
 * Checks feature overrides. Never throws; every entry with a problem is left out and each problem
 * names its field under `root` (default `features`). Nothing given is no overrides and no errors.
 */
export function validateFeatures(
  value: unknown,
  root = 'features',
): { features: FeatureOverrides; errors: FeatureError[] } {
  const features: Partial<Record<Platform, FeatureDefinition[]>> = {};
  const errors: FeatureError[] = [];
  if (value === undefined || value === null) return { features, errors };
  if (!isObject(value)) {
    errors.push({ field: root, message: `must be an object keyed by platform (${PLATFORMS.join(', ')})` });
    return { features, errors };
  }
  for (const [platform, list] of Object.entries(value)) {
    const at = `${root}.${platform}`;
    if (!(PLATFORMS as readonly string[]).includes(platform)) {
      errors.push({ field: at, message: `unknown platform: expected one of ${PLATFORMS.join(', ')}` });
    } else if (!Array.isArray(list)) {
      errors.push({ field: at, message: 'must be a list of features ({name, title?, match})' });
    } else if (list.length > MAX_FEATURES) {
      errors.push({ field: at, message: `has ${list.length} features; at most ${MAX_FEATURES}` });
    } else {
      features[platform as Platform] = platformFeatures(list, platform as Platform, at, errors);
    }
  }
  return { features, errors };
}

function platformFeatures(
  list: readonly unknown[],
  platform: Platform,
  path: string,
  errors: FeatureError[],
): FeatureDefinition[] {
  const out: FeatureDefinition[] = [];
  const seen = new Map<string, number>();
  const builtIn = new Set(DEFAULT_FEATURES[platform].map((d) => d.name));
  list.forEach((entry, i) => {
    const at = `${path}[${i}]`;
    const before = errors.length;
    if (!isObject(entry)) {
      errors.push({ field: at, message: 'must be an object {name, title?, match}' });
      return;
    }
    for (const key of Object.keys(entry)) {
      if (!ENTRY_FIELDS.has(key))
        errors.push({ field: `${at}.${key}`, message: `unknown field: expected name, title or match` });
    }
    const name = entry.name;
    if (typeof name !== 'string' || !NAME.test(name)) {
      errors.push({
        field: `${at}.name`,
        message:
          'must be a lowercase id of letters, digits, `-`, `_` or `.` (at most 64), e.g. "routing-bgp"',
      });
    } else if (name === OTHER_FEATURE) {
      errors.push({
        field: `${at}.name`,
        message: '"other" is implicit: it owns every line no feature matches',
      });
    } else if (seen.has(name)) {
      errors.push({
        field: `${at}.name`,
        message: `"${name}" is defined twice (first at ${path}[${seen.get(name)}])`,
      });
    }
    if (typeof name === 'string') seen.set(name, seen.get(name) ?? i);
    const title = entry.title;
    if (
      title !== undefined &&
      (typeof title !== 'string' || title.trim() === '' || title.length > MAX_TITLE)
    ) {
      errors.push({
        field: `${at}.title`,
        message: `must be a non-empty string of at most ${MAX_TITLE} characters`,
      });
    }
    const match = checkMatch(entry.match, `${at}.match`, errors);
    if (match !== undefined && match.length === 0 && typeof name === 'string' && !builtIn.has(name)) {
      errors.push({
        field: `${at}.match`,
        message: `is empty, which removes a built-in feature, but "${name}" is not one: give at least one rule`,
      });
    }
    if (errors.length > before || match === undefined) return;
    out.push({ name: name as string, ...(title === undefined ? {} : { title: title as string }), match });
  });
  return out;
}

function checkMatch(value: unknown, path: string, errors: FeatureError[]): MatchRule[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_RULES) {
    errors.push({
      field: path,
      message: `must be a list of at most ${MAX_RULES} rules such as {"startswith": "ntp "} ([] removes a built-in feature)`,
    });
    return undefined;
  }
  const rules: MatchRule[] = [];
  let ok = true;
  value.forEach((level, i) => {
    const ruleErrors: RuleError[] = [];
    const rule = checkPredicate(level, `${path}[${i}]`, ruleErrors);
    for (const e of ruleErrors) errors.push({ field: e.path, message: e.message });
    if (rule !== undefined && Object.keys(rule).length === 0) {
      errors.push({ field: `${path}[${i}]`, message: `needs at least one of ${CRITERIA.join(', ')}` });
      ok = false;
    } else if (rule === undefined) ok = false;
    else rules.push(rule);
  });
  return ok ? rules : undefined;
}

/** A platform's built-in list with a layer's entries applied (see the semantics above). */
function applyOverrides(
  builtIn: readonly FeatureDefinition[],
  overrides: readonly FeatureDefinition[],
): FeatureDefinition[] {
  const byName = new Map(overrides.map((o) => [o.name, o]));
  const known = new Set(builtIn.map((d) => d.name));
  const added = overrides.filter((o) => !known.has(o.name));
  const kept: FeatureDefinition[] = [];
  for (const d of builtIn) {
    const o = byName.get(d.name);
    if (o === undefined) kept.push(d);
    else if (o.match.length > 0) kept.push({ name: d.name, title: o.title ?? d.title, match: o.match });
  }
  return [...added, ...kept];
}

/**
 * The feature sets in force: the built-in ones with the layers applied in order (setting, then a
 * folder's manifest); per platform, the last layer that names it wins.
 */
export function resolveFeatureSets(layers: readonly (FeatureOverrides | undefined)[]): FeatureSets {
  const out = {} as Record<Platform, readonly FeatureDefinition[]>;
  for (const platform of PLATFORMS) {
    let chosen: readonly FeatureDefinition[] | undefined;
    for (const layer of layers) chosen = layer?.[platform] ?? chosen;
    out[platform] =
      chosen === undefined ? DEFAULT_FEATURES[platform] : applyOverrides(DEFAULT_FEATURES[platform], chosen);
  }
  return out;
}
