import { validateFeatures } from '../engine';
import { UsageError, type CliIo } from './io';
import { lineOfField, readJsonFile } from './jsonLocation';

/**
 * `--features FILE`: compliance feature overrides, the same JSON as the `netremediate.features`
 * setting (`{"cisco_ios": [{name, title?, match}], ...}`); a folder's manifest `features` wins over it
 * per platform. Anything invalid is a usage error listing each problem as `FILE:LINE: field: message`,
 * fields named from `features` (`features.cisco_ios[2].match[0].re_search`): a pipeline should fail
 * loudly rather than check half its features.
 */
export function readFeaturesOption(file: string | undefined, io: CliIo): unknown {
  if (file === undefined) return undefined;
  const { text, value } = readJsonFile(file, io);
  const { errors } = validateFeatures(value, 'features');
  if (errors.length > 0) {
    // The file's top level is the `features` object itself: skip that first segment when locating.
    const list = errors.map(
      (e) => `  ${file}:${lineOfField(text, e.field, 1) ?? 1}: ${e.field}: ${e.message}`,
    );
    throw new UsageError(
      `${file}: ${errors.length} invalid feature definition(s)\n${list.join('\n')}`,
      false,
    );
  }
  return value;
}
