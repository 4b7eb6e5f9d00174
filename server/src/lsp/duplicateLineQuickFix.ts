import {
  CodeActionKind,
  type CodeAction,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { childByText, nodeAtLine, type ConfigNode, type ParsedConfig } from '../engine';
import type { DocumentAnalysis } from './documentStore';
import type { EditorFeature } from './editorContext';
import { DIAGNOSTIC_SOURCE } from './diagnostics/findingDiagnostics';
import { wholeLinesRange } from './ranges';

/**
 * textDocument/codeAction: the quick fix for `duplicate-line`. A duplicate leaf (or banner, or
 * certificate) is removed outright. A duplicate section is removed only when everything under it
 * is also under the first occurrence: otherwise the device merges the two, and removing the
 * second would lose commands, so no fix is offered.
 */
export const duplicateLineQuickFixFeature: EditorFeature = {
  capabilities: { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] } },
  register({ connection, analysis, clientCapabilities }) {
    connection.onCodeAction(async ({ textDocument, context }): Promise<CodeAction[]> => {
      if (
        context.only !== undefined &&
        !context.only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))
      )
        return [];
      const document = await analysis(textDocument.uri);
      if (document?.parsed === undefined) return [];
      const versioned = clientCapabilities().workspace?.workspaceEdit?.documentChanges === true;
      const actions: CodeAction[] = [];
      for (const diagnostic of context.diagnostics) {
        if (diagnostic.code !== 'duplicate-line' || diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
        const action = removeDuplicate(document, diagnostic, versioned);
        if (action !== undefined) actions.push(action);
      }
      return actions;
    });
  },
};

function removeDuplicate(
  document: DocumentAnalysis,
  diagnostic: Diagnostic,
  versioned: boolean,
): CodeAction | undefined {
  const parsed = document.parsed!;
  const line = diagnostic.range.start.line;
  const node = nodeAtLine(parsed.root, line);
  const first = node?.duplicateOf;
  if (node === undefined || node.line !== line || first === undefined) return undefined;
  const isSection = node.children.length > 0;
  if (isSection && !isCoveredBy(node, first)) return undefined;
  const lastLine = isSection ? lastLineWithExits(parsed, node) : node.lastLine;
  const edit: TextEdit = { range: wholeLinesRange(document.document, node.line, lastLine), newText: '' };
  const workspaceEdit: WorkspaceEdit = versioned
    ? { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: [edit] }] }
    : { changes: { [document.uri]: [edit] } };
  return {
    title: `Remove duplicate ${isSection ? 'section' : node.kind === 'line' ? 'line' : node.kind}`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: true,
    edit: workspaceEdit,
  };
}

/**
 * Whether every line under `duplicate` is also, at the same place, under `first`. Past a depth no
 * real configuration reaches, the answer is no (no fix) rather than a stack overflow.
 */
function isCoveredBy(duplicate: ConfigNode, first: ConfigNode, depth = 0): boolean {
  if (depth > 64) return false;
  return duplicate.children.every((child) => {
    const same = childByText(first, child.text);
    return same !== undefined && isCoveredBy(child, same, depth + 1);
  });
}

/** The section's last line, plus sectional exits right after it (`exit-address-family`), which go with it. */
function lastLineWithExits(parsed: ParsedConfig, node: ConfigNode): number {
  let last = node.range.endLine;
  const exits = new Set(parsed.trivia.filter((t) => t.kind === 'exit').map((t) => t.line));
  while (exits.has(last + 1)) last++;
  return last;
}
