/**
 * extensionTestsPath of the Restricted Mode suite: the same runner, run by test/e2e/run.mjs in a
 * VS Code whose workspace trust is on and whose workspace folder has not been trusted.
 */
import { runMochaIn } from '../index';

export function run(): Promise<void> {
  return runMochaIn(__dirname);
}
