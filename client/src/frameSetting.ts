/**
 * `netremediate.frame`: the safe-apply frame the editor's exported and reviewed scripts are written in
 * (docs/safe-apply.md). The server frames them; the client only names the frame in its requests.
 */
import * as vscode from 'vscode';
import type { FrameKind } from '../../server/src/protocol';

const KINDS: readonly FrameKind[] = ['none', 'terminal', 'replace', 'checkpoint'];

export function frameSetting(): FrameKind {
  const value = vscode.workspace.getConfiguration('netremediate').get<string>('frame', 'none');
  return (KINDS as readonly string[]).includes(value) ? (value as FrameKind) : 'none';
}
