import { hasChildLines } from '../model/configNode';
import type { ConfigNode, ParsedConfig } from '../model/types';
import { regexFirstChars, regexLiteralPrefix } from '../rules/match';
import { replaceBounded, type AliveSet } from '../rules/ruleBook';
import type { PlatformRules } from '../rules/semantics';
import type { PerLineSubRule } from '../rules/types';
import { applyPostLoadFixups } from './fixups';
import { createRootNode, HNode, walk, type PendingChildren } from './hnode';
import type { LoadDiagnostic, LoadedConfig } from './types';

interface ScopedSub {
  readonly re: RegExp;
  readonly replace: string;
  /** What a matching line starts with: tested before the regex. */
  readonly prefix: string;
}

/**
 * Line rewrites without a lineage, compiled once per rule set, by where they apply and by the first
 * character a line must start with for them to match (most lines then test no regex at all).
 */
class ScopedSubs {
  readonly topLevel = new SubsByChar();
  readonly nested = new SubsByChar();

  constructor(rules: readonly PerLineSubRule[], compile: (source: string) => RegExp) {
    for (const rule of rules) {
      if (rule.lineage !== undefined && rule.lineage.length > 0) continue;
      const sub = {
        re: compile(rule.search),
        replace: rule.replace,
        prefix: regexLiteralPrefix(rule.search),
      };
      const chars = regexFirstChars(rule.search);
      const scope = rule.scope ?? 'any';
      if (scope !== 'nested') this.topLevel.add(sub, chars);
      if (scope !== 'top-level') this.nested.add(sub, chars);
    }
  }
}

class SubsByChar {
  private readonly byChar = new Map<string, ScopedSub[]>();
  private readonly anyChar: ScopedSub[] = [];

  add(sub: ScopedSub, chars: readonly string[] | undefined): void {
    if (chars === undefined) {
      this.anyChar.push(sub);
      for (const list of this.byChar.values()) list.push(sub);
      return;
    }
    for (const c of chars) {
      const list = this.byChar.get(c);
      if (list === undefined) this.byChar.set(c, [...this.anyChar, sub]);
      else list.push(sub);
    }
  }

  /** The rewrites that may apply to `text`, in rule order. */
  for(text: string): readonly ScopedSub[] {
    return this.byChar.get(text.charAt(0)) ?? this.anyChar;
  }
}

const scopedSubsCache = new WeakMap<PlatformRules, ScopedSubs>();

/**
 * Parsed tree → the engine's own tree, normalised per platform (PLATFORM-RULES.md): line rewrites
 * and drops (` no ip address` at any depth, ACL remarks, IPv6 `sequence N`, ...), post-load fix-ups
 * (ACL numbering, VLAN lists split), then duplicate siblings merged as the device merges them (a
 * repeated section is one section with the union of its children), except under parents whose
 * children may repeat. The parser's nodes are never changed.
 *
 * Below the top level, a section's lines are copied on first use: normalising a section depends only
 * on its lineage and its own lines, so two sections with identical source lines are equal once
 * normalised too, and a comparison of two configs never copies the 90% that did not change.
 */
export function loadConfig(parsed: ParsedConfig, rules: PlatformRules): LoadedConfig {
  let subs = scopedSubsCache.get(rules);
  if (subs === undefined) {
    subs = new ScopedSubs(rules.driver.perLineSub, (source) => rules.regex(source));
    scopedSubsCache.set(rules, subs);
  }
  const loader = new Loader(rules, subs);
  const root = createRootNode();
  loader.copyLevel(parsed.root, root, rules.loadBook.root);
  applyPostLoadFixups(root, rules, (d) => loader.note(d));
  loader.mergeLevel(root);
  return {
    platform: rules.platform,
    root,
    rules,
    /** Complete once every section is copied: asking for them copies the rest. */
    get diagnostics(): readonly LoadDiagnostic[] {
      for (const node of walk(root)) void node;
      return loader.diagnostics;
    },
  };
}

class Loader {
  private readonly noted: LoadDiagnostic[] = [];
  /** A section is filled again in each lazy copy of it (the predicted config): noted once. */
  private readonly seen = new Set<string>();
  /** One filler per live rule set: sections share them, so deferring allocates nothing per section. */
  private readonly fillers = new Map<AliveSet, PendingChildren>();

  constructor(
    private readonly rules: PlatformRules,
    private readonly subs: ScopedSubs,
  ) {}

  /** In line order. */
  get diagnostics(): LoadDiagnostic[] {
    return this.noted.sort((a, b) => (a.line ?? -1) - (b.line ?? -1));
  }

  note(diagnostic: LoadDiagnostic): void {
    const key = `${diagnostic.code} ${diagnostic.line ?? ''} ${diagnostic.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.noted.push(diagnostic);
  }

  /** Copies the lines below `from` into `to`, rewritten and dropped per the rules; sections deferred. */
  copyLevel(from: ConfigNode, to: HNode, alive: AliveSet): void {
    const scoped = to.parent === undefined ? this.subs.topLevel : this.subs.nested;
    const rules = this.rules;
    const book = rules.loadBook;
    // Indexed loops: this runs for every line loaded, mostly before V8 has optimised it (a `for...of`
    // then allocates an iterator result per element).
    const children = from.children;
    for (let c = 0; c < children.length; c++) {
      const child = children[c];
      const original = child.text;
      let text = original;
      const subs = scoped.for(text);
      for (let k = 0; k < subs.length; k++) {
        const sub = subs[k];
        if (!text.startsWith(sub.prefix)) continue;
        const replaced = replaceBounded(text, sub.re, sub.replace);
        if (replaced !== undefined) text = replaced;
        if (text === '') break;
      }
      let step = text === '' ? undefined : book.step(alive, text);
      const rule = step === undefined ? undefined : book.firstOf<PerLineSubRule>(step.terminal, 'perLineSub');
      if (rule !== undefined)
        text = replaceBounded(text, rules.regex(rule.rule.search), rule.rule.replace) ?? text;
      if (text !== original) {
        text = text.trim();
        if (text !== '') step = book.step(alive, text);
      }
      if (text === '' || step === undefined) {
        this.note({
          code: 'dropped-line',
          line: child.line,
          message: `Dropped on load: \`${short(original)}\`.`,
        });
        continue;
      }
      // Lines are compared by their canonical key (issue 9); banner and certificate bodies as written.
      const key = child.kind === 'line' ? rules.canonicalKey(text) : text;
      const node = to.add(new HNode(text, child.kind, child, key));
      if (hasChildLines(child)) node.defer(this.fillerFor(step.alive));
    }
  }

  /**
   * Merges repeated siblings (by key: `interface Gi1` after `interface GigabitEthernet1` repeats it)
   * into the first of them; a merge can make repeats below, merged in turn.
   */
  mergeLevel(node: HNode): void {
    if (!node.hasDuplicates || this.rules.allowsDuplicateChildren(node)) return;
    const first = new Map<string, HNode>();
    const kept: HNode[] = [];
    const grown = new Set<HNode>();
    for (const child of node.children) {
      const earlier = first.get(child.key);
      if (earlier === undefined) {
        first.set(child.key, child);
        kept.push(child);
        continue;
      }
      for (const grandchild of child.children) earlier.add(grandchild);
      if (child.children.length > 0) grown.add(earlier);
      this.note({
        code: 'merged-duplicate',
        line: child.line,
        relatedLine: earlier.line,
        message: `\`${short(child.text)}\` repeats a sibling: merged into it, as the device holds it once.`,
      });
    }
    node.setChildren(kept);
    for (const earlier of grown) this.mergeLevel(earlier);
  }

  private fillerFor(alive: AliveSet): PendingChildren {
    let filler = this.fillers.get(alive);
    if (filler === undefined) {
      filler = {
        fill: (node: HNode): void => {
          if (node.source !== undefined) this.copyLevel(node.source, node, alive);
          this.mergeLevel(node);
        },
      };
      this.fillers.set(alive, filler);
    }
    return filler;
  }
}

function short(text: string): string {
  const firstLine = text.split('\n', 1)[0];
  return firstLine.length > 80 ? `${firstLine.slice(0, 77)}...` : firstLine;
}
