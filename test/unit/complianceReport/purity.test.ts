/**
 * The renderers are pure string functions in the protocol layer (the VS Code client reuses the HTML
 * one in its webview): they compile with no Node, DOM or vscode types at all, and import nothing but
 * each other and the report's type declarations.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { REPO_ROOT } from '../../support/paths';

const RENDER_DIR = path.join(REPO_ROOT, 'server', 'src', 'protocol', 'complianceRender');

function sources(): string[] {
  return fs
    .readdirSync(RENDER_DIR, { recursive: true })
    .map((f) => path.join(RENDER_DIR, String(f)))
    .filter((f) => f.endsWith('.ts'));
}

describe('compliance renderers are pure', () => {
  it('type-check with only the ES2022 library: no node:*, no DOM, no vscode', () => {
    const program = ts.createProgram(sources(), {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.Node16,
      moduleResolution: ts.ModuleResolutionKind.Node16,
      lib: ['lib.es2022.d.ts'],
      types: [],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file ? `${path.relative(REPO_ROOT, d.file.fileName)}: ` : '';
      return where + ts.flattenDiagnosticMessageText(d.messageText, '\n');
    });
    assert.deepEqual(diagnostics, []);
  });

  it('import only each other, and only types from the rest of the contract', () => {
    for (const file of sources()) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)) {
        const [, , typeOnly, specifier] = m;
        const target = path.resolve(path.dirname(file), specifier);
        const inside = target.startsWith(RENDER_DIR);
        assert.ok(specifier.startsWith('.'), `${path.basename(file)} imports package ${specifier}`);
        assert.ok(inside || typeOnly, `${path.basename(file)} imports values from ${specifier}`);
      }
    }
  });
});
