/**
 * Inline review: the Review lenses in an intended config open a diff of the device's running config
 * (left) and the config after the remediation (right), computed by the server from the two configs as
 * they are now — unsaved edits included, no job. Documents are `netremediate-inline:` URIs, read-only,
 * in the device's language; they follow the edits of either config while open.
 */
import * as vscode from 'vscode';
import {
  InlineReviewRequest,
  languageForPlatform,
  WorkspaceTrustNotification,
  type InlineReviewResult,
} from '../../../server/src/protocol';
import { errorText, type ServerConnection } from '../serverConnection';

export const INLINE_SCHEME = 'netremediate-inline';
const EXTENSIONS: Readonly<Record<string, string>> = { 'cisco-ios': 'ios', 'cisco-nxos': 'nxos' };
/** Edits of a config are followed after this pause, so that a review does not recompute per keystroke. */
const FOLLOW_EDITS_MS = 300;

type Side = 'running' | 'predicted';

function inlineUri(intended: string, review: InlineReviewResult, side: Side): vscode.Uri {
  const ext = EXTENSIONS[languageForPlatform(review.platform)];
  return vscode.Uri.from({
    scheme: INLINE_SCHEME,
    path: `/${review.device_id}.${side}.${ext}`,
    query: new URLSearchParams({ intended }).toString(),
  });
}

function parseInlineUri(uri: vscode.Uri): { intended: string; side: Side } | undefined {
  const side = /\.(running|predicted)\.[a-z]+$/.exec(uri.path)?.[1] as Side | undefined;
  const intended = new URLSearchParams(uri.query).get('intended');
  return side === undefined || intended === null ? undefined : { intended, side };
}

export class InlineReviewDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly cache = new Map<string, Promise<InlineReviewResult | null>>();
  private readonly disposables: vscode.Disposable[] = [];
  private followTimer: NodeJS.Timeout | undefined;

  constructor(private readonly server: ServerConnection) {
    this.disposables.push(
      this.changeEmitter,
      vscode.workspace.registerTextDocumentContentProvider(INLINE_SCHEME, this),
      vscode.workspace.onDidChangeTextDocument(({ document }) => {
        if (document.uri.scheme === 'file' && this.openReviews().length > 0) this.followEdits();
      }),
      vscode.workspace.onDidSaveTextDocument(() => this.followEdits()),
      server.onDidStart(() => this.cache.clear()),
    );
  }

  /** The review of an intended config, fetched anew (its texts may have changed since). */
  fetch(intended: string): Promise<InlineReviewResult | null> {
    const entry = this.server.request(InlineReviewRequest, { uri: intended });
    this.cache.set(intended, entry);
    entry.catch(() => {
      if (this.cache.get(intended) === entry) this.cache.delete(intended);
    });
    return entry;
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const target = parseInlineUri(uri);
    if (target === undefined) return `! not a NetRemediate inline review: ${uri.toString()}\n`;
    try {
      const review = await (this.cache.get(target.intended) ?? this.fetch(target.intended));
      if (review === null)
        return `! ${target.intended} has no known running config (or the workspace is not trusted)\n`;
      return target.side === 'running' ? review.running : review.predicted;
    } catch (error) {
      return `! could not compute the inline review: ${errorText(error)}\n`;
    }
  }

  /** Opens the diff and shows the section whose lens was clicked (`line` -1: the top). */
  async open(intended: string, line: number): Promise<vscode.TextEditor | undefined> {
    const review = await this.fetch(intended);
    if (review === null) {
      void vscode.window.showInformationMessage(
        'NetRemediate: this file is not an intended config whose running config is known (a netremediate.json device, or intended/ beside running/).',
      );
      return undefined;
    }
    const title = `${review.device_id}: running ↔ after remediation (${review.commands} command${review.commands === 1 ? '' : 's'}, not yet run)`;
    await vscode.commands.executeCommand(
      'vscode.diff',
      inlineUri(intended, review, 'running'),
      inlineUri(intended, review, 'predicted'),
      title,
      { preview: true } satisfies vscode.TextDocumentShowOptions,
    );
    const editor = vscode.window.activeTextEditor;
    if (editor !== undefined && line >= 0) {
      const header = (await vscode.workspace.openTextDocument(vscode.Uri.parse(intended)))
        .lineAt(line)
        .text.trimEnd();
      const at = review.predicted.split('\n').indexOf(header);
      if (at >= 0) {
        const range = new vscode.Range(at, 0, at, header.length);
        editor.selection = new vscode.Selection(range.start, range.end);
        editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      }
    }
    return editor;
  }

  dispose(): void {
    clearTimeout(this.followTimer);
    for (const d of this.disposables) d.dispose();
  }

  private openReviews(): vscode.Uri[] {
    return vscode.workspace.textDocuments.map((d) => d.uri).filter((u) => u.scheme === INLINE_SCHEME);
  }

  private followEdits(): void {
    clearTimeout(this.followTimer);
    this.followTimer = setTimeout(() => {
      this.cache.clear();
      for (const uri of this.openReviews()) this.changeEmitter.fire(uri);
    }, FOLLOW_EDITS_MS);
  }
}

/** Tells the server when the user trusts the workspace: inline review then starts. */
export function forwardWorkspaceTrust(server: ServerConnection): vscode.Disposable {
  return vscode.workspace.onDidGrantWorkspaceTrust(() => {
    void server.ready.then(() =>
      server.client.sendNotification(WorkspaceTrustNotification, { trusted: true }),
    );
  });
}
