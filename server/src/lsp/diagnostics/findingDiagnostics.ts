import {
  DiagnosticSeverity,
  type Diagnostic,
  type DiagnosticRelatedInformation,
} from 'vscode-languageserver/node';
import { nodeAtLine, type Finding, type Severity } from '../../engine';
import type { DocumentAnalysis } from '../documentStore';
import { documentLineRange, headerRange, toLspRange } from '../ranges';

/** Every diagnostic of ours says where it comes from, so users can filter the Problems view. */
export const DIAGNOSTIC_SOURCE = 'netremediate';

const SEVERITIES: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** What the related line of a finding is, by code; anything else is just "related". */
const RELATED_LINE_MEANS: Partial<Record<Finding['code'], string>> = {
  'duplicate-line': 'First occurrence',
  'inconsistent-indentation': 'First sibling',
  'overlapping-vlan': 'Also declared here',
};

/** The parser's findings as diagnostics, their finding code as the diagnostic's stable `code`. */
export function findingDiagnostics(
  analysis: DocumentAnalysis,
  withRelatedInformation: boolean,
): Diagnostic[] {
  const parsed = analysis.parsed;
  if (parsed === undefined) return [];
  return parsed.findings.map((finding) => {
    const diagnostic: Diagnostic = {
      range: toLspRange(finding.range),
      severity: SEVERITIES[finding.severity],
      code: finding.code,
      source: DIAGNOSTIC_SOURCE,
      message: finding.message,
    };
    if (withRelatedInformation && finding.relatedLine !== undefined) {
      diagnostic.relatedInformation = [relatedLine(analysis, finding, finding.relatedLine)];
    }
    return diagnostic;
  });
}

function relatedLine(
  analysis: DocumentAnalysis,
  finding: Finding,
  line: number,
): DiagnosticRelatedInformation {
  const node = nodeAtLine(analysis.parsed!.root, line);
  const range =
    node !== undefined && node.line === line ? headerRange(node) : documentLineRange(analysis.document, line);
  return {
    location: { uri: analysis.uri, range },
    message: `${RELATED_LINE_MEANS[finding.code] ?? 'Related line'} (line ${line + 1})`,
  };
}

/** The one diagnostic of a document over the size limit, which is not parsed. */
export function fileTooLargeDiagnostic(analysis: DocumentAnalysis): Diagnostic | undefined {
  const tooLarge = analysis.tooLarge;
  if (tooLarge === undefined) return undefined;
  const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  const text = analysis.document.getText();
  const firstBreak = text.search(/[\r\n]/);
  return {
    range: {
      start: { line: 0, character: 0 },
      end: { line: 0, character: Math.min(firstBreak < 0 ? text.length : firstBreak, 200) },
    },
    severity: DiagnosticSeverity.Warning,
    code: 'file-too-large',
    source: DIAGNOSTIC_SOURCE,
    message:
      `This file is ${megabytes(tooLarge.bytes)}, over the ${megabytes(tooLarge.limitBytes)} limit ` +
      '(netremediate.maxFileSizeMB): it is not parsed, so it has no outline, folding, diagnostics or navigation.',
  };
}
