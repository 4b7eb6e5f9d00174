import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver/node';
import type { DocumentAnalysis } from '../documentStore';
import {
  FLAGGED_WHEN_UNUSED,
  OBJECT_KIND_LABELS,
  type NamedObject,
  type ObjectOccurrence,
} from '../namedObjects';
import { toLspRange } from '../ranges';
import { DIAGNOSTIC_SOURCE } from './findingDiagnostics';

/**
 * A code is listed at most this often per document, like the parser's findings: 5,000 interfaces
 * that all name a missing ACL are one problem, not 5,000 squiggles to serialise on every edit.
 */
export const MAX_DIAGNOSTICS_PER_CODE = 200;

/**
 * References to objects the configuration never defines (a warning at each reference), and objects
 * it defines but never uses (a hint, greyed out as unnecessary: some uses, e.g. from an EEM script
 * or a device-local file, are invisible in the configuration, so it is never more than a hint).
 */
export function namedObjectDiagnostics(analysis: DocumentAnalysis): Diagnostic[] {
  const index = analysis.objects;
  if (index === undefined) return [];
  const undefinedRefs: Diagnostic[] = [];
  const unused: Diagnostic[] = [];
  let undefinedCount = 0;
  let unusedCount = 0;
  for (const object of index.objects) {
    if (object.builtIn) continue;
    if (object.definitions.length === 0) {
      for (const reference of object.references) {
        if (++undefinedCount <= MAX_DIAGNOSTICS_PER_CODE)
          undefinedRefs.push(undefinedReference(object, reference));
      }
    } else if (object.references.length === 0 && FLAGGED_WHEN_UNUSED.has(object.kind)) {
      if (++unusedCount <= MAX_DIAGNOSTICS_PER_CODE) unused.push(unusedDefinition(object));
    }
  }
  const diagnostics = [...undefinedRefs, ...unused];
  if (undefinedCount > MAX_DIAGNOSTICS_PER_CODE)
    diagnostics.push(omitted('undefined-object', undefinedCount, undefinedRefs[0]));
  if (unusedCount > MAX_DIAGNOSTICS_PER_CODE)
    diagnostics.push(omitted('unused-object', unusedCount, unused[0]));
  return diagnostics;
}

function undefinedReference(object: NamedObject, reference: ObjectOccurrence): Diagnostic {
  return {
    range: toLspRange(reference.range),
    severity: DiagnosticSeverity.Warning,
    code: 'undefined-object',
    source: DIAGNOSTIC_SOURCE,
    message: `The ${OBJECT_KIND_LABELS[object.kind]} \`${object.display}\` is not defined in this configuration.`,
  };
}

function unusedDefinition(object: NamedObject): Diagnostic {
  return {
    range: toLspRange(object.definitions[0].range),
    severity: DiagnosticSeverity.Hint,
    code: 'unused-object',
    source: DIAGNOSTIC_SOURCE,
    message: `The ${OBJECT_KIND_LABELS[object.kind]} \`${object.display}\` is defined but never used in this configuration.`,
    tags: [DiagnosticTag.Unnecessary],
  };
}

function omitted(code: string, count: number, first: Diagnostic): Diagnostic {
  return {
    range: first.range,
    severity: DiagnosticSeverity.Information,
    code: 'too-many-findings',
    source: DIAGNOSTIC_SOURCE,
    message: `${count - MAX_DIAGNOSTICS_PER_CODE} more \`${code}\` diagnostics are not listed (only the first ${MAX_DIAGNOSTICS_PER_CODE} are).`,
  };
}
