import type { RemoteConsole, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { createEngine, type ParsedConfig, type Platform } from '../engine';
import { platformForLanguage } from '../protocol';
import { indexNamedObjects, type NamedObjectIndex } from './namedObjects';
import type { SettingsSource } from './settings';

/** Where a document's platform came from, in the order they are consulted. */
export type PlatformSource = 'language' | 'content' | 'setting';

/** What the features know about one version of one open document. */
export interface DocumentAnalysis {
  readonly document: TextDocument;
  readonly uri: string;
  readonly version: number;
  readonly platform: Platform;
  readonly platformSource: PlatformSource;
  /** Undefined when the document is over the size limit: it is never parsed. */
  readonly parsed: ParsedConfig | undefined;
  /** Set when the document is over `netremediate.maxFileSizeMB`. */
  readonly tooLarge: { readonly bytes: number; readonly limitBytes: number } | undefined;
  /** Definitions of and references to named objects, indexed on first use. Undefined when not parsed. */
  readonly objects: NamedObjectIndex | undefined;
}

const engine = createEngine();

/**
 * Parsed configurations cached by (uri, version), parsed lazily on the first request that needs
 * one. Only the latest version of a document is ever kept: an edit drops the old parse at once, so
 * a request or a diagnostics run can only ever parse the version the editor shows now, and work for
 * an older one is never started.
 */
export class DocumentStore {
  private readonly cache = new Map<string, DocumentAnalysis>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsSource,
    private readonly log: RemoteConsole,
  ) {
    documents.onDidChangeContent(({ document }) => this.dropIfStale(document.uri, document.version));
    documents.onDidClose(({ document }) => this.cache.delete(document.uri));
    // A new default platform or size limit changes what every document parses to.
    settings.onDidChange(() => this.cache.clear());
  }

  /** The current version of an open document, analysed; undefined when it is not open. */
  get(uri: string): DocumentAnalysis | undefined {
    const document = this.documents.get(uri);
    if (document === undefined) return undefined;
    const cached = this.cache.get(uri);
    if (cached !== undefined && cached.version === document.version) return cached;
    const analysis = this.analyse(document);
    this.cache.set(uri, analysis);
    return analysis;
  }

  /** Whether `version` is still what the editor holds for `uri` (stale work is dropped, not published). */
  isCurrent(uri: string, version: number): boolean {
    return this.documents.get(uri)?.version === version;
  }

  /** Every open document, analysed. */
  all(): DocumentAnalysis[] {
    return this.documents.all().map((document) => this.get(document.uri)!);
  }

  private dropIfStale(uri: string, version: number): void {
    const cached = this.cache.get(uri);
    if (cached !== undefined && cached.version !== version) this.cache.delete(uri);
  }

  private analyse(document: TextDocument): DocumentAnalysis {
    const text = document.getText();
    const { uri, version } = document;
    const limitBytes = this.settings.get().maxFileSizeMB * 1024 * 1024;
    const bytes = utf8Size(text, limitBytes);
    const tooLarge = bytes > limitBytes ? { bytes, limitBytes } : undefined;
    const { platform, source } = this.platformOf(document, text, tooLarge === undefined);
    let parsed: ParsedConfig | undefined;
    if (tooLarge === undefined) {
      const started = performance.now();
      parsed = engine.parse(text, { platform });
      this.log.debug(
        `parsed ${uri} v${version} (${platform} from ${source}, ${parsed.lineCount} lines) in ` +
          `${(performance.now() - started).toFixed(1)} ms`,
      );
    } else {
      this.log.info(`not parsing ${uri} v${version}: ${bytes} bytes is over the ${limitBytes}-byte limit`);
    }
    let objects: NamedObjectIndex | undefined;
    return {
      document,
      uri,
      version,
      platform,
      platformSource: source,
      parsed,
      tooLarge,
      get objects() {
        if (parsed !== undefined) objects ??= indexNamedObjects(parsed);
        return objects;
      },
    };
  }

  /** The language id, else what the content looks like, else the `netremediate.defaultPlatform` setting. */
  private platformOf(
    document: TextDocument,
    text: string,
    mayReadContent: boolean,
  ): { platform: Platform; source: PlatformSource } {
    const fromLanguage = platformForLanguage(document.languageId);
    if (fromLanguage !== undefined) return { platform: fromLanguage, source: 'language' };
    const detected = mayReadContent ? engine.detectPlatform(text).platform : undefined;
    if (detected !== undefined) return { platform: detected, source: 'content' };
    return { platform: this.settings.get().defaultPlatform, source: 'setting' };
  }
}

/**
 * The UTF-8 size of `text`, exact only near `limit`: every UTF-16 unit is at least one byte and at
 * most three, so most texts are decided by their length without encoding 50 MB to count it.
 */
function utf8Size(text: string, limit: number): number {
  if (text.length > limit || text.length * 3 <= limit) return text.length;
  return Buffer.byteLength(text, 'utf8');
}
