/**
 * A scope as users write it (types.ts), checked field by field. Unlike rules and features, a scope with
 * any error is not used at all: leaving out a bad ignore rule would push the very lines it protects, and
 * leaving out a bad manage entry would remove sections the template never meant to touch. Callers
 * refuse to run (CLI exit 2, a job failing with the field named) rather than run with another scope.
 */
import { PLATFORMS, type Platform } from '../model/types';
import { checkPredicate, isObject, type RuleError } from '../rules/userRules';
import type { MatchRule } from '../rules/types';
import {
  SCOPE_PRESETS,
  type IgnoreEntry,
  type Scope,
  type ScopeError,
  type ScopePreset,
  type ScopeRule,
} from './types';

const SCOPE_FIELDS = ['manage', 'ignore'];
const MANAGE_FIELDS = ['features', 'lineages'];
const RULE_FIELDS = ['lineage', 'platforms'];
const NAME = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
const MAX_LINEAGE = 8;
const MAX_ENTRIES = 200;

/**
 * Checks a scope. Nothing given is no scope and no errors. `knownFeatures`, when given, are the feature
 * names `manage.features` may use (the feature sets in force, any platform); a name outside them is an
 * error, since a typo would leave that feature's sections silently unmanaged.
 */
export function validateScope(
  value: unknown,
  root = 'scope',
  knownFeatures?: ReadonlySet<string>,
): { scope: Scope | undefined; errors: ScopeError[] } {
  const errors: ScopeError[] = [];
  if (value === undefined || value === null) return { scope: undefined, errors };
  if (!isObject(value)) {
    errors.push({ field: root, message: 'must be an object {manage?, ignore?}' });
    return { scope: undefined, errors };
  }
  unknownFields(value, SCOPE_FIELDS, root, errors);
  const scope: { manage?: Scope['manage']; ignore?: IgnoreEntry[] } = {};
  if (value.manage !== undefined)
    scope.manage = checkManage(value.manage, `${root}.manage`, errors, knownFeatures);
  if (value.ignore !== undefined) scope.ignore = checkIgnore(value.ignore, `${root}.ignore`, errors);
  if (errors.length > 0) return { scope: undefined, errors };
  // `{}` (the setting's default) and `{"ignore": []}` say nothing: no scope, so they cost nothing either.
  if (scope.manage === undefined && (scope.ignore?.length ?? 0) === 0) return { scope: undefined, errors };
  return { scope, errors };
}

function unknownFields(
  value: Record<string, unknown>,
  known: readonly string[],
  at: string,
  errors: ScopeError[],
): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key))
      errors.push({ field: `${at}.${key}`, message: `unknown field: expected ${known.join(' or ')}` });
  }
}

function checkManage(
  value: unknown,
  at: string,
  errors: ScopeError[],
  knownFeatures: ReadonlySet<string> | undefined,
): Scope['manage'] {
  if (!isObject(value)) {
    errors.push({ field: at, message: 'must be an object {features?, lineages?}' });
    return undefined;
  }
  unknownFields(value, MANAGE_FIELDS, at, errors);
  const features =
    value.features === undefined
      ? undefined
      : checkFeatureNames(value.features, `${at}.features`, errors, knownFeatures);
  const lineages =
    value.lineages === undefined ? undefined : checkRules(value.lineages, `${at}.lineages`, errors);
  if (
    (features?.length ?? 0) + (lineages?.length ?? 0) === 0 &&
    !errors.some((e) => e.field.startsWith(at))
  ) {
    errors.push({
      field: at,
      message: 'names nothing to manage: give features or lineages (leave `manage` out to manage everything)',
    });
  }
  return {
    ...(features === undefined ? {} : { features }),
    ...(lineages === undefined ? {} : { lineages }),
  };
}

function checkFeatureNames(
  value: unknown,
  at: string,
  errors: ScopeError[],
  knownFeatures: ReadonlySet<string> | undefined,
): string[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_ENTRIES) {
    errors.push({
      field: at,
      message: `must be a list of at most ${MAX_ENTRIES} feature names such as "ntp"`,
    });
    return undefined;
  }
  const names: string[] = [];
  value.forEach((name, i) => {
    if (typeof name !== 'string' || !NAME.test(name)) {
      errors.push({ field: `${at}[${i}]`, message: 'must be a feature name such as "ntp" or "routing-bgp"' });
    } else if (knownFeatures !== undefined && !knownFeatures.has(name)) {
      const known = [...knownFeatures].sort().join(', ');
      errors.push({ field: `${at}[${i}]`, message: `unknown feature "${name}" (known: ${known})` });
    } else {
      names.push(name);
    }
  });
  return names;
}

function checkIgnore(value: unknown, at: string, errors: ScopeError[]): IgnoreEntry[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_ENTRIES) {
    errors.push({
      field: at,
      message: `must be a list of at most ${MAX_ENTRIES} entries: {"preset": "credentials"} or {"lineage": [...]}`,
    });
    return undefined;
  }
  const out: IgnoreEntry[] = [];
  value.forEach((entry, i) => {
    const here = `${at}[${i}]`;
    if (isObject(entry) && 'preset' in entry) {
      unknownFields(entry, ['preset'], here, errors);
      if (!(SCOPE_PRESETS as readonly unknown[]).includes(entry.preset)) {
        errors.push({ field: `${here}.preset`, message: `expected one of ${SCOPE_PRESETS.join(', ')}` });
      } else {
        out.push({ preset: entry.preset as ScopePreset });
      }
      return;
    }
    const rule = checkRule(entry, here, errors);
    if (rule !== undefined) out.push(rule);
  });
  return out;
}

function checkRules(value: unknown, at: string, errors: ScopeError[]): ScopeRule[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_ENTRIES) {
    errors.push({ field: at, message: `must be a list of at most ${MAX_ENTRIES} rules {"lineage": [...]}` });
    return undefined;
  }
  const out: ScopeRule[] = [];
  value.forEach((entry, i) => {
    const rule = checkRule(entry, `${at}[${i}]`, errors);
    if (rule !== undefined) out.push(rule);
  });
  return out;
}

function checkRule(entry: unknown, at: string, errors: ScopeError[]): ScopeRule | undefined {
  if (!isObject(entry)) {
    errors.push({ field: at, message: 'must be an object {"lineage": [...], "platforms"?: [...]}' });
    return undefined;
  }
  const before = errors.length;
  unknownFields(entry, RULE_FIELDS, at, errors);
  const lineage = checkLineage(entry.lineage, `${at}.lineage`, errors);
  let platforms: Platform[] | undefined;
  if (entry.platforms !== undefined) {
    const list = entry.platforms;
    if (
      !Array.isArray(list) ||
      list.length === 0 ||
      !list.every((p) => (PLATFORMS as readonly unknown[]).includes(p))
    ) {
      errors.push({
        field: `${at}.platforms`,
        message: `must be a non-empty list of ${PLATFORMS.join(', ')}`,
      });
    } else {
      platforms = list as Platform[];
    }
  }
  if (errors.length > before || lineage === undefined) return undefined;
  return platforms === undefined ? { lineage } : { lineage, platforms };
}

function checkLineage(value: unknown, at: string, errors: ScopeError[]): MatchRule[] | undefined {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_LINEAGE) {
    errors.push({
      field: at,
      message: `must be a list of 1 to ${MAX_LINEAGE} predicates, one per level from the top, such as [{"startswith": "interface "}]`,
    });
    return undefined;
  }
  const levels: MatchRule[] = [];
  value.forEach((level, i) => {
    const ruleErrors: RuleError[] = [];
    const rule = checkPredicate(level, `${at}[${i}]`, ruleErrors);
    for (const e of ruleErrors) errors.push({ field: e.path, message: e.message });
    if (rule !== undefined && Object.keys(rule).length === 0) {
      errors.push({
        field: `${at}[${i}]`,
        message: 'needs at least one of equals, startswith, endswith, contains, re_search',
      });
    } else if (rule !== undefined) {
      levels.push(rule);
    }
  });
  return levels.length === value.length ? levels : undefined;
}
