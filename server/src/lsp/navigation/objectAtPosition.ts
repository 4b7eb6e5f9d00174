import type { Position } from 'vscode-languageserver/node';
import type { DocumentAnalysis } from '../documentStore';
import type { NamedObject, ObjectOccurrence } from '../namedObjects';

export interface ObjectAtPosition {
  readonly occurrence: ObjectOccurrence;
  readonly object: NamedObject;
}

/** The named object whose name is under the cursor, if any. */
export function objectAtPosition(
  analysis: DocumentAnalysis | undefined,
  position: Position,
): ObjectAtPosition | undefined {
  const index = analysis?.objects;
  const occurrence = index?.occurrenceAt(position.line, position.character);
  if (index === undefined || occurrence === undefined) return undefined;
  return { occurrence, object: index.objectOf(occurrence) };
}

/**
 * The definitions to jump to: the first line of each run of consecutive definition lines, so that a
 * prefix list of twenty `seq` lines is one target, not twenty.
 */
export function definitionTargets(object: NamedObject): ObjectOccurrence[] {
  return object.definitions.filter(
    (definition, i) =>
      i === 0 || definition.range.startLine !== object.definitions[i - 1].range.startLine + 1,
  );
}
