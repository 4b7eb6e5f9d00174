import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';
import { REPO_ROOT } from '../support/paths';

/**
 * The layer rules of the architecture are lint rules; these tests prove the rules fire on violations
 * (and stay quiet on what is allowed), so that a broken lint config cannot silently let layers mix.
 */
const eslint = new ESLint({
  cwd: REPO_ROOT,
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports' || ruleId === 'no-console',
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
});

async function violations(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(REPO_ROOT, file) });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer rules', () => {
  const engineFile = 'server/src/engine/probe.ts';
  for (const forbidden of [
    "import fs from 'node:fs';",
    "import fs from 'fs';",
    "import * as vscode from 'vscode';",
    "import { createConnection } from 'vscode-languageserver/node';",
    "import { ServerInfoRequest } from '../protocol';",
    "import { x } from '../jobs/pool';",
  ]) {
    it(`the engine rejects ${forbidden}`, async () => {
      const found = await violations(engineFile, `${forbidden}\nexport const probe = 1;\n`);
      assert.equal(found.length, 1, found.join('\n'));
      assert.match(found[0], /no-restricted-imports/);
    });
  }

  it('the engine may import itself and diff', async () => {
    assert.deepEqual(
      await violations(
        engineFile,
        "import { a } from './tree';\nimport { diffLines } from 'diff';\nexport const b = [a, diffLines];\n",
      ),
      [],
    );
  });

  it('the client may import the protocol, but nothing else of the server', async () => {
    const clientFile = 'client/src/probe.ts';
    assert.deepEqual(
      await violations(
        clientFile,
        "import { ServerInfoRequest } from '../../server/src/protocol';\nexport const a = ServerInfoRequest;\n",
      ),
      [],
    );
    const found = await violations(
      clientFile,
      "import { VERSION } from '../../server/src/version';\nexport const a = VERSION;\n",
    );
    assert.equal(found.length, 1, found.join('\n'));
    const lsp = await violations(
      clientFile,
      "import { createConnection } from 'vscode-languageserver/node';\nexport const a = createConnection;\n",
    );
    assert.equal(lsp.length, 1, lsp.join('\n'));
  });

  it('the job layer has no vscode and no LSP', async () => {
    const jobsFile = 'server/src/jobs/probe.ts';
    assert.equal(
      (await violations(jobsFile, "import * as vscode from 'vscode';\nexport const a = vscode;\n")).length,
      1,
    );
    assert.equal(
      (
        await violations(
          jobsFile,
          "import { TextDocuments } from 'vscode-languageserver';\nexport const a = TextDocuments;\n",
        )
      ).length,
      1,
    );
    assert.deepEqual(
      await violations(jobsFile, "import { Worker } from 'node:worker_threads';\nexport const a = Worker;\n"),
      [],
    );
  });

  it('the server never writes to stdout with console.log', async () => {
    const found = await violations('server/src/lsp/probe.ts', "console.log('hi');\n");
    assert.equal(found.length, 1, found.join('\n'));
    assert.match(found[0], /no-console/);
  });
});
