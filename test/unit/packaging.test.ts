import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../support/paths';

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));

describe('the extension package', () => {
  it('ships only what a user needs', () => {
    // `vsce ls` lists exactly what `vsce package` would put in the .vsix.
    const vsce = path.join(REPO_ROOT, 'node_modules', '.bin', 'vsce');
    const files = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: REPO_ROOT, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .sort();
    assert.deepEqual(files, [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'dist/cli.js',
      'dist/cliMain.js',
      'dist/extension.js',
      'dist/server.js',
      'dist/taskWorker.js',
      'dist/worker.js',
      'language-configuration.json',
      'media/netremediate.png',
      'media/netremediate.svg',
      'package.json',
      'syntaxes/cisco-ios.tmLanguage.json',
      'syntaxes/cisco-nxos.tmLanguage.json',
    ]);
  });

  it('is a manifest VS Code 1.91 accepts, activating on both languages', () => {
    assert.equal(manifest.name, 'netremediate');
    assert.equal(manifest.engines.vscode, '^1.91.0');
    assert.equal(manifest.main, './dist/extension.js');
    assert.ok(manifest.activationEvents.includes('onLanguage:cisco-ios'));
    assert.ok(manifest.activationEvents.includes('onLanguage:cisco-nxos'));
    // vsce refuses @types/vscode newer than engines.vscode.
    assert.match(manifest.devDependencies['@types/vscode'], /1\.91\./);
    for (const grammar of manifest.contributes.grammars) {
      assert.ok(fs.existsSync(path.join(REPO_ROOT, grammar.path)), grammar.path);
    }
  });

  it('recognises the headers devices print, by first line', () => {
    const firstLine = (id: string) =>
      new RegExp(manifest.contributes.languages.find((l: { id: string }) => l.id === id).firstLine);
    assert.match('Building configuration...', firstLine('cisco-ios'));
    assert.match('Current configuration : 2214 bytes', firstLine('cisco-ios'));
    assert.match('!RANCID-CONTENT-TYPE: cisco', firstLine('cisco-ios'));
    assert.match('!Command: show running-config', firstLine('cisco-nxos'));
    assert.match('!RANCID-CONTENT-TYPE: cisco-nx', firstLine('cisco-nxos'));
    assert.doesNotMatch('!Command: show running-config', firstLine('cisco-ios'));
    assert.doesNotMatch('!RANCID-CONTENT-TYPE: cisco-nx', firstLine('cisco-ios'));
  });

  it('ships an activity bar icon and a marketplace icon', () => {
    const container = manifest.contributes.viewsContainers.activitybar.find(
      (c: { id: string }) => c.id === 'netremediate',
    );
    assert.ok(container, 'the NetRemediate activity bar container');
    assert.ok(fs.existsSync(path.join(REPO_ROOT, container.icon)));
    const png = fs.readFileSync(path.join(REPO_ROOT, manifest.icon));
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    assert.equal(png.readUInt32BE(16), 128, 'a 128 px wide icon');
  });
});
