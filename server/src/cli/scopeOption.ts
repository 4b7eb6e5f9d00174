import { validateScope, type Scope, type UnmanagedDrift } from '../engine';
import { UsageError, type CliIo } from './io';
import { lineOfField, readJsonFile } from './jsonLocation';

/**
 * `--scope FILE`: what the devices manage and ignore, the same JSON as the `netremediate.scope` setting
 * (`{"manage": {"features": [...], "lineages": [...]}, "ignore": [...]}`, docs/scope.md). A folder's
 * manifest `scope` wins over it. Anything invalid is a usage error listing each problem as
 * `FILE:LINE: field: message`, fields named from `scope` (`scope.ignore[1].lineage[0].re_search`):
 * a pipeline must never run with a scope other than the one it wrote. `knownFeatures`, when given, are
 * the feature names `manage.features` may use.
 */
export function readScopeOption(
  file: string | undefined,
  io: CliIo,
  knownFeatures?: ReadonlySet<string>,
): Scope | undefined {
  if (file === undefined) return undefined;
  const { text, value } = readJsonFile(file, io);
  const { scope, errors } = validateScope(value, 'scope', knownFeatures);
  if (errors.length > 0) {
    // The file's top level is the scope itself: skip `scope` when locating a field.
    const list = errors.map(
      (e) => `  ${file}:${lineOfField(text, e.field, 1) ?? 1}: ${e.field}: ${e.message}`,
    );
    throw new UsageError(`${file}: ${errors.length} problem(s) in the scope\n${list.join('\n')}`, false);
  }
  return scope;
}

const NOTE_SECTIONS = 5;

/**
 * The stderr note for a device with drift outside its scope: how many top-level sections, the first
 * few by name. Information: the exit code does not change.
 */
export function unmanagedNote(deviceId: string, unmanaged: UnmanagedDrift | undefined): string {
  if (unmanaged === undefined || unmanaged.count === 0) return '';
  const names = unmanaged.sections.slice(0, NOTE_SECTIONS).map((s) => s.text);
  const more = unmanaged.count > names.length ? `, ... (${unmanaged.count - names.length} more)` : '';
  const sections = unmanaged.count === 1 ? 'section differs' : 'sections differ';
  return `${deviceId}: note: ${unmanaged.count} top-level ${sections} outside the scope (unmanaged, not in the scripts): ${names.join('; ')}${more}\n`;
}
