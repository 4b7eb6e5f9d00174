/**
 * Named objects (ACLs, prefix lists, route maps, class and policy maps, object groups, VRFs, key
 * chains, interfaces, BGP templates): where a parsed configuration defines them and where it refers
 * to them. Pure (the engine only, no LSP, no Node): a candidate to move into the engine once the
 * remediation rules want the same dependency graph.
 *
 *   const index = indexNamedObjects(parsed);
 *   const here = index.occurrenceAt(line, character);
 *   const object = here && index.objectOf(here);   // { definitions, references, builtIn, ... }
 */
export { indexNamedObjects } from './namedObjectIndex';
export type { NamedObject, NamedObjectIndex, ObjectOccurrence } from './namedObjectIndex';
export { FLAGGED_WHEN_UNUSED, isBuiltIn, OBJECT_KIND_LABELS } from './objectKinds';
export type { ObjectKind } from './objectKinds';
export { OBJECT_PATTERNS } from './objectPatterns';
export type { ObjectPattern } from './objectPatterns';
