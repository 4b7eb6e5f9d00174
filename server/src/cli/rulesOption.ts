import { createRemediationEngine, type RemediationEngine } from '../engine';
import { UsageError, type CliIo } from './io';

/**
 * The remediation engine with the user's extra rules from `--rules FILE` (the same JSON as the
 * `netremediate.rules` setting). A rule that does not validate is a usage error naming the rule and the
 * field: a pipeline should fail loudly rather than run with half its rules.
 */
export function engineWithRules(rulesFile: string | undefined, io: CliIo): RemediationEngine {
  return readUserRules(rulesFile, io).engine;
}

/** The rules of `--rules FILE`, read and validated once, with the engine built on them. */
export function readUserRules(
  rulesFile: string | undefined,
  io: CliIo,
): { userRules: unknown; engine: RemediationEngine } {
  if (rulesFile === undefined) return { userRules: undefined, engine: createRemediationEngine() };
  let userRules: unknown;
  try {
    userRules = JSON.parse(io.readText(rulesFile));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${rulesFile}: not valid JSON (${(error as Error).message})`, false);
  }
  const engine = createRemediationEngine({ userRules });
  if (engine.ruleErrors.length > 0) {
    const list = engine.ruleErrors.map((e) => `  ${e.path}: ${e.message}`).join('\n');
    throw new UsageError(`${rulesFile}: ${engine.ruleErrors.length} invalid rule(s)\n${list}`, false);
  }
  return { userRules, engine };
}
