/**
 * Review commands on one device: the remediation and rollback diffs, the two scripts as read-only
 * documents, copying the remediation, opening the inputs, and Next/Previous Device while reviewing.
 * With no argument they act on the device under review in the active editor, else ask.
 */
import * as vscode from 'vscode';
import type { ReviewMode } from '../review/reviewController';
import { requireTrust, type CommandContext, type CommandFactory } from './commandContext';
import { resolveDevice } from './pickers';

function review(mode: ReviewMode, title: string): CommandFactory {
  return (ctx) => async (arg?: unknown) => {
    const ref = await resolveDevice(ctx, arg, title);
    return ref && ctx.review.open(ref, mode);
  };
}

async function deviceTexts(ctx: CommandContext, arg: unknown, title: string) {
  const ref = await resolveDevice(ctx, arg, title);
  if (ref === undefined) return undefined;
  const documents = await ctx.reviewDocuments.review(ref, true);
  if (documents === null) throw new Error(`job ${ref.job_id} has no device ${ref.device_id}`);
  return documents;
}

const copyRemediation: CommandFactory = (ctx) => async (arg?: unknown) => {
  const documents = await deviceTexts(ctx, arg, 'Copy Remediation');
  if (documents === undefined) return undefined;
  const device = documents.device;
  if (device.status !== 'success' || device.remediation === undefined) {
    void vscode.window.showWarningMessage(
      `NetRemediate: ${device.device_id} has no remediation (${device.status}).`,
    );
    return undefined;
  }
  await vscode.env.clipboard.writeText(device.remediation);
  const lines = device.remediation.split('\n').filter((l) => l.trim() !== '').length;
  void vscode.window.setStatusBarMessage(
    `$(check) NetRemediate: copied the remediation of ${device.device_id} (${lines} lines)`,
    4000,
  );
  return device.remediation;
};

function openInput(side: 'running' | 'intended'): CommandFactory {
  return (ctx) => async (arg?: unknown) => {
    const documents = await deviceTexts(
      ctx,
      arg,
      side === 'running' ? 'Open Running Config' : 'Open Intended Config',
    );
    if (documents === undefined) return undefined;
    const uri = vscode.Uri.file(documents.device[side].path);
    await vscode.window.showTextDocument(uri, { preview: true });
    return uri;
  };
}

/**
 * A Review lens in an intended config (`[uri, headerLine]`), or the palette on the active editor: the
 * section around the cursor is the one shown.
 */
const reviewSection: CommandFactory = (ctx) => async (uri?: unknown, line?: unknown) => {
  if (!(await requireTrust('Inline review'))) return undefined;
  if (typeof uri === 'string' && typeof line === 'number') return ctx.inlineReview.open(uri, line);
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined) return undefined;
  let header = editor.selection.active.line;
  while (header > 0 && /^\s/.test(editor.document.lineAt(header).text)) header--;
  return ctx.inlineReview.open(editor.document.uri.toString(), header);
};

export const reviewCommands: Readonly<Record<string, CommandFactory>> = {
  'netremediate.reviewRemediation': review('remediation', 'Review Remediation'),
  'netremediate.reviewRollback': review('rollback', 'Review Rollback'),
  'netremediate.openRemediationScript': review('remediation-script', 'Open Remediation Script'),
  'netremediate.openRollbackScript': review('rollback-script', 'Open Rollback Script'),
  'netremediate.copyRemediation': copyRemediation,
  'netremediate.openRunningConfig': openInput('running'),
  'netremediate.openIntendedConfig': openInput('intended'),
  'netremediate.reviewSection': reviewSection,
  'netremediate.nextDevice': (ctx) => () => ctx.review.step(1),
  'netremediate.previousDevice': (ctx) => () => ctx.review.step(-1),
};
