import { PLATFORMS, type Platform } from '../model/types';
import type {
  CascadeMembers,
  CascadeRule,
  LineageRule,
  MatchRule,
  NegateWithRule,
  NegationSubRule,
  OrderingRule,
  PlatformDriver,
  PrintedDefaultRule,
  SecretRule,
} from './types';

/**
 * Rules users add per platform (`netremediate.rules` in settings or the manifest), with the same
 * predicates as the built-in ones:
 *
 *   { "cisco_ios": {
 *       "idempotent": [{ "lineage": [{ "startswith": "interface " }, { "startswith": "bandwidth " }] }],
 *       "idempotentAvoid": [...],
 *       "negation": [{ "lineage": [...], "use": "..." } | { "lineage": [...], "default": true }
 *                    | { "lineage": [...], "search": "...", "replace": "..." }],
 *       "ordering": [{ "lineage": [...], "weight": 50 }],
 *       // Device behaviour (PLATFORM-RULES.md, "Device behaviour beyond hier_config"):
 *       "printedDefaults": [{ "lineage": [...], "whenEmpty": true, "resetChildren": false }],
 *       "addBeforeRemove": [{ "lineage": [...] }],
 *       "cascades": [{ "lineage": [...], "wipes": [[{ "startswith": "ip address " }]], "resend": true,
 *                      "unless": {...}, "members": { "line": "...", "lines": "...", "sections": {...} } }],
 *       "secrets": [{ "lineage": [...], "value": "^key 7 (\\S+)$" }] } }
 *
 * User rules come before the built-in ones: where first match wins (negation, ordering), they win.
 */
export interface UserPlatformRules {
  readonly idempotent: readonly LineageRule[];
  readonly idempotentAvoid: readonly LineageRule[];
  readonly negateWith: readonly NegateWithRule[];
  readonly negationDefaultWhen: readonly LineageRule[];
  readonly negationSub: readonly NegationSubRule[];
  readonly ordering: readonly OrderingRule[];
  readonly printedDefaults: readonly PrintedDefaultRule[];
  readonly addBeforeRemove: readonly LineageRule[];
  readonly cascades: readonly CascadeRule[];
  readonly secrets: readonly SecretRule[];
}

export type UserRules = Partial<Record<Platform, UserPlatformRules>>;

/** A rule that was left out, and why: `path` names the rule and the field (`cisco_ios.ordering[2].weight`). */
export interface RuleError {
  readonly path: string;
  readonly message: string;
}

const MATCH_KEYS = new Set(['equals', 'startswith', 'endswith', 'contains', 're_search']);
const SECTION_KEYS = new Set([
  'idempotent',
  'idempotentAvoid',
  'negation',
  'ordering',
  'printedDefaults',
  'addBeforeRemove',
  'cascades',
  'secrets',
]);
const MAX_LINEAGE = 8;
const MAX_PATTERN = 500;
const MAX_WEIGHT = 100_000;
/** A group with a quantifier inside, itself quantified: `(a+)+`, the classic exponential backtracker. */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*{]/;

/**
 * Checks user rules and keeps the valid ones. Never throws: every rule that is left out has an error
 * saying which rule, which field and why.
 */
export function validateUserRules(value: unknown): { rules: UserRules; errors: RuleError[] } {
  const errors: RuleError[] = [];
  const rules: UserRules = {};
  if (value === undefined || value === null) return { rules, errors };
  if (!isObject(value))
    return { rules, errors: [{ path: 'rules', message: 'must be an object keyed by platform' }] };
  for (const [platform, section] of Object.entries(value)) {
    if (!(PLATFORMS as readonly string[]).includes(platform)) {
      errors.push({ path: platform, message: `unknown platform: expected one of ${PLATFORMS.join(', ')}` });
      continue;
    }
    rules[platform as Platform] = platformRules(section, platform, errors);
  }
  return { rules, errors };
}

function platformRules(section: unknown, path: string, errors: RuleError[]): UserPlatformRules {
  const out = {
    idempotent: [] as LineageRule[],
    idempotentAvoid: [] as LineageRule[],
    negateWith: [] as NegateWithRule[],
    negationDefaultWhen: [] as LineageRule[],
    negationSub: [] as NegationSubRule[],
    ordering: [] as OrderingRule[],
    printedDefaults: [] as PrintedDefaultRule[],
    addBeforeRemove: [] as LineageRule[],
    cascades: [] as CascadeRule[],
    secrets: [] as SecretRule[],
  };
  if (!isObject(section)) {
    errors.push({
      path,
      message: `must be an object with lists of rules: ${[...SECTION_KEYS].join(', ')}`,
    });
    return out;
  }
  for (const key of Object.keys(section)) {
    if (!SECTION_KEYS.has(key))
      errors.push({
        path: `${path}.${key}`,
        message: `unknown rule kind: expected one of ${[...SECTION_KEYS].join(', ')}`,
      });
  }
  for (const kind of ['idempotent', 'idempotentAvoid'] as const) {
    eachRule(section[kind], `${path}.${kind}`, errors, (rule, at) => {
      const lineage = checkLineage(rule.lineage, `${at}.lineage`, errors);
      if (lineage !== undefined) out[kind].push({ lineage });
    });
  }
  eachRule(section.negation, `${path}.negation`, errors, (rule, at) => {
    const lineage = checkLineage(rule.lineage, `${at}.lineage`, errors);
    if (lineage === undefined) return;
    if (typeof rule.use === 'string' && rule.use.trim() !== '')
      out.negateWith.push({ lineage, use: rule.use.trim() });
    else if (rule.default === true) out.negationDefaultWhen.push({ lineage });
    else if (typeof rule.search === 'string' && typeof rule.replace === 'string') {
      if (checkPattern(rule.search, `${at}.search`, errors))
        out.negationSub.push({ lineage, search: rule.search, replace: rule.replace });
    } else {
      errors.push({
        path: at,
        message: 'a negation rule needs `use` (a string), `default: true`, or `search` and `replace`',
      });
    }
  });
  eachRule(section.ordering, `${path}.ordering`, errors, (rule, at) => {
    const lineage = checkLineage(rule.lineage, `${at}.lineage`, errors);
    const weight = rule.weight;
    if (typeof weight !== 'number' || !Number.isFinite(weight) || Math.abs(weight) > MAX_WEIGHT) {
      errors.push({
        path: `${at}.weight`,
        message: `must be a number between -${MAX_WEIGHT} and ${MAX_WEIGHT}`,
      });
      return;
    }
    if (lineage !== undefined) out.ordering.push({ lineage, weight });
  });
  deviceRules(section, path, errors, out);
  return out;
}

/** The device-behaviour kinds users may add to (the others are built into the engine's hooks). */
function deviceRules(
  section: Record<string, unknown>,
  path: string,
  errors: RuleError[],
  out: {
    printedDefaults: PrintedDefaultRule[];
    addBeforeRemove: LineageRule[];
    cascades: CascadeRule[];
    secrets: SecretRule[];
  },
): void {
  eachRule(section.addBeforeRemove, `${path}.addBeforeRemove`, errors, (rule, at) => {
    const lineage = checkLineage(rule.lineage, `${at}.lineage`, errors);
    if (lineage !== undefined) out.addBeforeRemove.push({ lineage });
  });
  eachRule(section.printedDefaults, `${path}.printedDefaults`, errors, (rule, at) => {
    const lineage = checkLineage(rule.lineage, `${at}.lineage`, errors);
    const flags = ['whenEmpty', 'resetChildren'] as const;
    const bad = flags.find((f) => rule[f] !== undefined && typeof rule[f] !== 'boolean');
    if (bad !== undefined) {
      errors.push({ path: `${at}.${bad}`, message: 'must be true or false' });
      return;
    }
    if (lineage !== undefined)
      out.printedDefaults.push({
        lineage,
        ...(rule.whenEmpty === true ? { whenEmpty: true } : {}),
        ...(rule.resetChildren === true ? { resetChildren: true } : {}),
      });
  });
  eachRule(section.cascades, `${path}.cascades`, errors, (rule, at) => {
    const lineage = checkLineage(rule.lineage, `${at}.lineage`, errors);
    if (rule.resend !== undefined && typeof rule.resend !== 'boolean') {
      errors.push({ path: `${at}.resend`, message: 'must be true or false' });
      return;
    }
    if (!Array.isArray(rule.wipes) || rule.wipes.length === 0) {
      errors.push({
        path: `${at}.wipes`,
        message: 'must be a non-empty list of lineages (lists of predicates)',
      });
      return;
    }
    const wipes = rule.wipes.map((w, i) => checkLineage(w, `${at}.wipes[${i}]`, errors));
    const unless =
      rule.unless === undefined ? undefined : checkPredicate(rule.unless, `${at}.unless`, errors);
    const members =
      rule.members === undefined ? undefined : checkMembers(rule.members, `${at}.members`, errors);
    if (lineage === undefined || wipes.some((w) => w === undefined)) return;
    if (
      (rule.unless !== undefined && unless === undefined) ||
      (rule.members !== undefined && members === undefined)
    )
      return;
    out.cascades.push({
      lineage,
      wipes: wipes as MatchRule[][],
      ...(rule.resend === false ? { resend: false } : {}),
      ...(unless === undefined ? {} : { unless }),
      ...(members === undefined ? {} : { members }),
    });
  });
  eachRule(section.secrets, `${path}.secrets`, errors, (rule, at) => {
    const lineage = checkLineage(rule.lineage, `${at}.lineage`, errors);
    if (typeof rule.value !== 'string') {
      errors.push({
        path: `${at}.value`,
        message: 'must be a regular expression whose group 1 is the secret',
      });
      return;
    }
    if (!checkPattern(rule.value, `${at}.value`, errors)) return;
    if (new RegExp(`${rule.value}|`).exec('')?.length === 1) {
      errors.push({ path: `${at}.value`, message: 'needs a group: group 1 is the secret' });
      return;
    }
    if (lineage !== undefined) out.secrets.push({ lineage, value: rule.value });
  });
}

/** A cascade's `members`: `line` and `lines` regular expressions whose group 1 names a member. */
function checkMembers(value: unknown, path: string, errors: RuleError[]): CascadeMembers | undefined {
  if (!isObject(value)) {
    errors.push({ path, message: 'must be an object with `line` and `lines` (and optional `sections`)' });
    return undefined;
  }
  let ok = true;
  for (const field of ['line', 'lines'] as const) {
    const source = value[field];
    if (typeof source !== 'string') {
      errors.push({
        path: `${path}.${field}`,
        message: 'must be a regular expression whose group 1 names a member',
      });
      ok = false;
    } else if (!checkPattern(source, `${path}.${field}`, errors)) ok = false;
    else if (new RegExp(`${source}|`).exec('')?.length === 1) {
      errors.push({ path: `${path}.${field}`, message: 'needs a group: group 1 names a member' });
      ok = false;
    }
  }
  const sections =
    value.sections === undefined ? undefined : checkPredicate(value.sections, `${path}.sections`, errors);
  if (!ok || (value.sections !== undefined && sections === undefined)) return undefined;
  return {
    line: value.line as string,
    lines: value.lines as string,
    ...(sections === undefined ? {} : { sections }),
  };
}

function eachRule(
  list: unknown,
  path: string,
  errors: RuleError[],
  take: (rule: Record<string, unknown>, at: string) => void,
): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    errors.push({ path, message: 'must be a list of rules' });
    return;
  }
  list.forEach((rule, i) => {
    if (isObject(rule)) take(rule, `${path}[${i}]`);
    else errors.push({ path: `${path}[${i}]`, message: 'must be an object with a `lineage`' });
  });
}

function checkLineage(value: unknown, path: string, errors: RuleError[]): MatchRule[] | undefined {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_LINEAGE) {
    errors.push({
      path,
      message: `must be a list of 1 to ${MAX_LINEAGE} predicates, one per level from the top`,
    });
    return undefined;
  }
  const levels: MatchRule[] = [];
  let ok = true;
  value.forEach((level, i) => {
    const rule = checkPredicate(level, `${path}[${i}]`, errors);
    if (rule === undefined) ok = false;
    else levels.push(rule);
  });
  return ok ? levels : undefined;
}

/**
 * One predicate (`{"startswith": "interface "}`) as a user wrote it: known criteria only, strings or
 * non-empty lists of strings, regexes checked by `checkPattern`. Undefined, with errors naming each
 * bad field under `path`, when anything is wrong. Shared with the compliance features.
 */
export function checkPredicate(level: unknown, path: string, errors: RuleError[]): MatchRule | undefined {
  if (!isObject(level)) {
    errors.push({ path, message: 'must be an object such as {"startswith": "interface "}' });
    return undefined;
  }
  const rule: Record<string, string | string[]> = {};
  let ok = true;
  for (const [key, v] of Object.entries(level)) {
    if (!MATCH_KEYS.has(key)) {
      errors.push({
        path: `${path}.${key}`,
        message: `unknown criterion: expected one of ${[...MATCH_KEYS].join(', ')}`,
      });
      ok = false;
    } else if (key === 're_search') {
      if (typeof v === 'string' && checkPattern(v, `${path}.re_search`, errors)) rule[key] = v;
      else {
        if (typeof v !== 'string') errors.push({ path: `${path}.re_search`, message: 'must be a string' });
        ok = false;
      }
    } else if (
      typeof v === 'string' ||
      (Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string'))
    ) {
      rule[key] = v as string | string[];
    } else {
      errors.push({ path: `${path}.${key}`, message: 'must be a string or a non-empty list of strings' });
      ok = false;
    }
  }
  return ok ? (rule as MatchRule) : undefined;
}

/**
 * A user regex: at most 500 characters, valid, and without a quantified group holding a quantifier
 * (exponential backtracking). Matching also cuts lines to MATCH_LENGTH_LIMIT (match.ts).
 */
export function checkPattern(source: string, path: string, errors: RuleError[]): boolean {
  if (source.length > MAX_PATTERN) {
    errors.push({ path, message: `is ${source.length} characters long; at most ${MAX_PATTERN}` });
    return false;
  }
  try {
    new RegExp(source);
  } catch (e) {
    errors.push({ path, message: `is not a valid regular expression: ${(e as Error).message}` });
    return false;
  }
  if (NESTED_QUANTIFIER.test(source)) {
    errors.push({
      path,
      message:
        'has a quantified group that contains a quantifier (like `(a+)+`), which can take exponential time',
    });
    return false;
  }
  return true;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A built-in driver with the user's rules put first in each kind they add to. */
export function withUserRules(driver: PlatformDriver, user: UserPlatformRules | undefined): PlatformDriver {
  if (user === undefined) return driver;
  return {
    ...driver,
    idempotent: [...user.idempotent, ...driver.idempotent],
    idempotentAvoid: [...user.idempotentAvoid, ...driver.idempotentAvoid],
    negateWith: [...user.negateWith, ...driver.negateWith],
    negationDefaultWhen: [...user.negationDefaultWhen, ...driver.negationDefaultWhen],
    negationSub: [...user.negationSub, ...driver.negationSub],
    ordering: [...user.ordering, ...driver.ordering],
    printedDefaults: [...user.printedDefaults, ...driver.printedDefaults],
    addBeforeRemove: [...user.addBeforeRemove, ...driver.addBeforeRemove],
    cascades: [...user.cascades, ...driver.cascades],
    secrets: [...user.secrets, ...driver.secrets],
  };
}
