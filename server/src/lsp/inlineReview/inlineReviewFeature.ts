/**
 * Inline review in an intended config whose running config is known: a CodeLens on each changed
 * top-level section (`3 commands · Review`), one on the first line for the sections the intended config
 * drops, the section's remediation in the hover, and the whole device's review documents on request.
 * No job: the pair is parsed and remediated here, once per version of either side, and only after the
 * user pauses typing (a lens request that a newer edit cancels never computes).
 */
import fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CodeLensRefreshRequest, type CancellationToken, type CodeLens } from 'vscode-languageserver/node';
import {
  createEngine,
  createRemediationEngine,
  type ParsedConfig,
  type RemediationEngine,
} from '../../engine';
import {
  InlineReviewRequest,
  REVIEW_SECTION_COMMAND,
  WorkspaceTrustNotification,
  type InlineReviewResult,
} from '../../protocol';
import type { DocumentAnalysis } from '../documentStore';
import type { EditorContext, EditorFeature } from '../editorContext';
import { DevicePairs } from './devicePairs';
import { ReviewScopes, type ReviewScoping } from './reviewScope';
import { sectionChanges, type DeviceSections, type SectionChange } from './sectionReview';

/** How long typing must pause before a lens request computes. */
export const LENS_DEBOUNCE_MS = 250;

const parser = createEngine();

function delay(ms: number, token: CancellationToken): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      listener.dispose();
      resolve(!token.isCancellationRequested);
    }, ms);
    const listener = token.onCancellationRequested(() => {
      clearTimeout(timer);
      listener.dispose();
      resolve(false);
    });
  });
}

interface RunningSide {
  readonly path: string;
  readonly text: string;
  readonly parsed: ParsedConfig;
}

/** One intended document's review, for the version it was computed from. */
interface Computed {
  readonly version: number;
  readonly runningText: string;
  /** The scope it was computed within (ReviewScoping.key). */
  readonly scopeKey: string;
  readonly deviceId: string;
  readonly running: RunningSide;
  readonly sections: DeviceSections;
}

export class InlineReviews {
  private readonly pairs = new DevicePairs();
  private readonly scopes: ReviewScopes;
  private readonly computed = new Map<string, Computed>();
  private engine: { key: string; engine: RemediationEngine } | undefined;
  private trusted = true;

  constructor(
    private readonly context: EditorContext,
    /** Asks the client for fresh lenses (an edit of a running config changes the intended's lenses). */
    private readonly refreshLenses: () => void,
  ) {
    this.scopes = new ReviewScopes((m) => context.connection.console.warn(m));
    context.documents.onDidClose(({ document }) => this.computed.delete(document.uri));
    context.documents.onDidChangeContent(({ document }) => {
      if (!document.uri.startsWith('file:') || this.computed.size === 0) return;
      const changed = fileURLToPath(document.uri);
      for (const entry of this.computed.values()) {
        if (entry.running.path === changed) {
          this.refreshLenses();
          return;
        }
      }
    });
  }

  setTrusted(trusted: boolean): void {
    this.trusted = trusted;
    this.computed.clear();
    this.pairs.clear();
  }

  isTrusted(): boolean {
    return this.trusted;
  }

  private remediationEngine(): RemediationEngine {
    const rules = this.context.settings.get().rules;
    const key = JSON.stringify(rules ?? null);
    if (this.engine?.key !== key)
      this.engine = { key, engine: createRemediationEngine({ userRules: rules }) };
    return this.engine.engine;
  }

  /**
   * The running side of an intended file (an open document's text wins over the file on disk), and the
   * scope the device works within; undefined when there is none or its scope cannot be used.
   */
  private async runningOf(
    intendedUri: string,
  ): Promise<{ deviceId: string; path: string; text: string; scoping: ReviewScoping } | undefined> {
    if (!intendedUri.startsWith('file:')) return undefined;
    const settings = this.context.settings.get();
    const pair = await this.pairs.forIntended(fileURLToPath(intendedUri), {
      runningGlob: settings.runningGlob,
      intendedGlob: settings.intendedGlob,
    });
    if (pair === undefined) return undefined;
    const scoping = this.scopes.resolve(settings, pair);
    if (scoping === undefined) return undefined;
    const { device } = pair;
    const found = { deviceId: device.device_id, path: device.running, scoping };
    const open = this.context.documents.get(pathToFileURL(device.running).toString());
    if (open !== undefined) return { ...found, text: open.getText() };
    try {
      return { ...found, text: await fs.promises.readFile(device.running, 'utf8') };
    } catch {
      return undefined;
    }
  }

  /** The changed sections of an open intended document, computed for its current version. */
  async sectionsOf(analysis: DocumentAnalysis): Promise<Computed | undefined> {
    if (!this.trusted || analysis.parsed === undefined) return undefined;
    const running = await this.runningOf(analysis.uri);
    if (running === undefined) return undefined;
    const cached = this.computed.get(analysis.uri);
    if (
      cached !== undefined &&
      cached.version === analysis.version &&
      cached.runningText === running.text &&
      cached.scopeKey === running.scoping.key
    ) {
      return cached;
    }
    const parsedRunning =
      cached?.runningText === running.text
        ? cached.running.parsed
        : parser.parse(running.text, { platform: analysis.platform });
    const computed: Computed = {
      version: analysis.version,
      runningText: running.text,
      scopeKey: running.scoping.key,
      deviceId: running.deviceId,
      running: { path: running.path, text: running.text, parsed: parsedRunning },
      sections: sectionChanges(
        this.remediationEngine(),
        parsedRunning,
        analysis.parsed,
        running.scoping.options,
      ),
    };
    if (this.context.store.isCurrent(analysis.uri, analysis.version))
      this.computed.set(analysis.uri, computed);
    return computed;
  }

  /** The section whose lines include `line` (0-based), if it changes. */
  async sectionAt(analysis: DocumentAnalysis, line: number): Promise<SectionChange | undefined> {
    const computed = await this.sectionsOf(analysis);
    return computed?.sections.sections.find((s) => s.line <= line && line <= s.lastLine);
  }

  /** The device's review documents, for an intended document (open or only on disk). */
  async review(uri: string): Promise<InlineReviewResult | null> {
    if (!this.trusted) return null;
    const running = await this.runningOf(uri);
    if (running === undefined) return null;
    const open = await this.context.analysis(uri);
    let intended: ParsedConfig | undefined = open?.parsed;
    if (intended === undefined) {
      try {
        const text = await fs.promises.readFile(fileURLToPath(uri), 'utf8');
        const platform =
          parser.detectPlatform(text).platform ??
          parser.detectPlatform(running.text).platform ??
          this.context.settings.get().defaultPlatform;
        intended = parser.parse(text, { platform });
      } catch {
        return null;
      }
    }
    const engine = this.remediationEngine();
    const plan = engine.plan(
      parser.parse(running.text, { platform: intended.platform }),
      intended,
      running.scoping.options,
    );
    const script = engine.render(plan.remediation, { exits: true });
    // Within a scope the two sides are the whole device, the scoped remediation applied to all of it.
    const wholeRunning = plan.unscoped?.running ?? plan.running;
    const predicted =
      plan.unscoped === undefined ? plan.predicted : engine.predict(wholeRunning, plan.remediation);
    return {
      device_id: running.deviceId,
      platform: plan.platform,
      running_uri: pathToFileURL(running.path).toString(),
      running: engine.renderConfig(wholeRunning),
      predicted: engine.renderConfig(predicted),
      remediation: script,
      commands: engine
        .render(plan.remediation)
        .split('\n')
        .filter((l) => l.length > 0).length,
    };
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function lensesFor(uri: string, sections: DeviceSections): CodeLens[] {
  const lenses: CodeLens[] = sections.sections.map((section) => ({
    range: { start: { line: section.line, character: 0 }, end: { line: section.line, character: 0 } },
    command: {
      title: `${plural(section.commands, 'command')} · Review`,
      command: REVIEW_SECTION_COMMAND,
      arguments: [uri, section.line],
    },
  }));
  if (sections.removed.commands > 0) {
    lenses.unshift({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      command: {
        title: `${plural(sections.removed.commands, 'command')} removing what this config drops · Review`,
        command: REVIEW_SECTION_COMMAND,
        arguments: [uri, -1],
      },
    });
  }
  return lenses;
}

export interface InlineReviewFeature {
  readonly feature: EditorFeature;
  /** From `initialize`: VS Code says whether the workspace is trusted at start. */
  initialize(options: { workspaceTrusted?: boolean } | undefined): void;
  /** The reviews, once registered (the hover adds a section's remediation). */
  reviews(): InlineReviews | undefined;
}

export function createInlineReviewFeature(): InlineReviewFeature {
  let reviews: InlineReviews | undefined;
  let trustedAtStart = true;
  let refreshTimer: NodeJS.Timeout | undefined;
  const feature: EditorFeature = {
    capabilities: { codeLensProvider: { resolveProvider: false } },
    register(context) {
      const refresh = (): void => {
        if (context.clientCapabilities().workspace?.codeLens?.refreshSupport !== true) return;
        clearTimeout(refreshTimer);
        refreshTimer = setTimeout(
          () => void context.connection.sendRequest(CodeLensRefreshRequest.type),
          LENS_DEBOUNCE_MS,
        );
      };
      const inline = new InlineReviews(context, refresh);
      // A changed scope (or features, rules) changes the lenses: cached reviews compare their scope key.
      context.settings.onDidChange(refresh);
      inline.setTrusted(trustedAtStart);
      reviews = inline;
      context.connection.onCodeLens(async ({ textDocument }, token) => {
        if (!(await delay(LENS_DEBOUNCE_MS, token))) return null;
        const analysis = await context.analysis(textDocument.uri);
        if (analysis === undefined || token.isCancellationRequested) return null;
        const computed = await inline.sectionsOf(analysis);
        return computed === undefined ? [] : lensesFor(textDocument.uri, computed.sections);
      });
      context.connection.onRequest(InlineReviewRequest, ({ uri }) => inline.review(uri));
      context.connection.onNotification(WorkspaceTrustNotification, ({ trusted }) => {
        if (trusted === inline.isTrusted()) return;
        inline.setTrusted(trusted);
        refresh();
      });
    },
  };
  return {
    feature,
    initialize(options) {
      trustedAtStart = options?.workspaceTrusted !== false;
      reviews?.setTrusted(trustedAtStart);
    },
    reviews: () => reviews,
  };
}
