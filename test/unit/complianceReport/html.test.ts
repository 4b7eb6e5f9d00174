/**
 * `--format html` without a browser (test/e2e/report-check.mjs opens it in Chromium): one
 * self-contained file, a CSP that admits exactly our style and script, every config text escaped,
 * the matrix and its links, the webview's nonce, paging at fleet size.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { describe, it } from 'node:test';
import type { ComplianceDevice } from '../../../server/src/protocol/compliance';
import { renderComplianceHtml, renderComplianceReport } from '../../../server/src/protocol/complianceRender';
import { cspHash } from '../../../server/src/protocol/complianceRender/sha256';
import { generateComplianceReport } from './generateComplianceReport';
import { loadReport, REPORT_FIXTURES } from './reportFixtures';

function csp(html: string): string {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(m, 'no CSP meta');
  return m[1].replace(/&#39;/g, "'");
}

function between(html: string, tag: 'style' | 'script'): string[] {
  return [...html.matchAll(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]);
}

const sha256 = (text: string) =>
  `sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}`;

describe('compliance report HTML', () => {
  for (const name of REPORT_FIXTURES) {
    it(`${name}: one self-contained file, nothing fetched, no style attributes`, () => {
      const html = renderComplianceReport(loadReport(name), 'html');
      assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="en">'));
      assert.doesNotMatch(html, /\s(src|srcset|poster|data)=/i, 'a resource attribute');
      assert.doesNotMatch(html, /<(link|img|iframe|object|embed|base)\b/i);
      assert.doesNotMatch(html, /href="(?!#)/, 'a link out of the page without deviceLink');
      assert.doesNotMatch(html, /url\(|@import/i, 'a CSS resource');
      assert.doesNotMatch(html, /\sstyle=/i, 'a style attribute (a hash or nonce CSP blocks it)');
      assert.equal(between(html, 'style').length, 1);
      assert.equal(between(html, 'script').length, 1);
    });
  }

  it('without a nonce: a strict CSP that names the SHA-256 of exactly our style and script', () => {
    const html = renderComplianceHtml(loadReport('fleet-report'));
    const [style] = between(html, 'style');
    const [script] = between(html, 'script');
    assert.equal(
      csp(html),
      `default-src 'none'; style-src '${sha256(style)}'; script-src '${sha256(script)}'; img-src data:; base-uri 'none'; form-action 'none'`,
    );
    assert.doesNotMatch(csp(html), /unsafe/);
  });

  it('with a nonce: the webview policy, the nonce on every style and script', () => {
    const html = renderComplianceHtml(loadReport('fleet-report'), {
      nonce: 'r4nd0mN0nce',
      cspSource: 'https://*.vscode-cdn.net',
    });
    assert.equal(
      csp(html),
      "default-src 'none'; style-src https://*.vscode-cdn.net 'nonce-r4nd0mN0nce'; script-src 'nonce-r4nd0mN0nce'; img-src https://*.vscode-cdn.net data:",
    );
    const tags = [...html.matchAll(/<(style|script)\b[^>]*>/g)].map((m) => m[0]);
    assert.equal(tags.length, 2);
    for (const tag of tags) assert.match(tag, / nonce="r4nd0mN0nce"/);
  });

  it('hashes like node:crypto, for any text', () => {
    for (const text of ['', 'abc', 'a'.repeat(55), 'b'.repeat(64), '€ ✓ 𝄞 \u00e4', 'x'.repeat(100_001)]) {
      assert.equal(cspHash(text), sha256(text), JSON.stringify(text.slice(0, 20)));
    }
  });

  it('escapes every config text: banners, descriptions and names cannot inject markup', () => {
    const html = renderComplianceHtml(loadReport('edge-report'));
    assert.equal(html.match(/<script\b/g)?.length, 1, 'only our script');
    assert.match(html, /Unauthorized \]\]&gt; &lt;script&gt;alert\(1\)&lt;\/script&gt; access prohibited/);
    assert.match(html, /<h3>sw&lt;1&gt;&amp;&quot;q&#39;<\/h3>/);
    assert.match(html, /secret 9 \$9\$abc&lt;def&gt;&amp;&quot;&#39;`x`/);
    const fleet = renderComplianceHtml(loadReport('fleet-report'));
    assert.match(fleet, /description &lt;uplink to &quot;spine-1&quot; &amp; &#39;spine-2&#39;&gt;/);
  });

  it('has a bar per feature, a matrix row per device, and every in-page link lands on an element', () => {
    const report = loadReport('fleet-report');
    const html = renderComplianceHtml(report);
    assert.equal(html.match(/<rect class="bar" /g)?.length, report.summary.features.length);
    assert.equal(html.match(/<tr data-s="/g)?.length, report.devices.length);
    assert.equal(html.match(/<th class="feat"/g)?.length, report.summary.features.length);
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    assert.ok(targets.length >= 10);
    for (const target of targets) assert.ok(ids.has(target), `#${target} has no element`);
    // Attention first: the failed device, then by drifting features, then the compliant ones.
    const order = [...html.matchAll(/<tr data-s="(\w)"/g)].map((m) => m[1]).join('');
    assert.equal(order, 'xddddccc');
  });

  it('shows drift counts in the cells and marks not-configured ones', () => {
    const html = renderComplianceHtml(loadReport('fleet-report'));
    const row = /<tr data-s="d"[^>]*><th scope="row"><a href="#(d\d+)">core-sw-01<\/a><\/th>(.*?)<\/tr>/.exec(
      html,
    );
    assert.ok(row);
    const cells = [...row[2].matchAll(/<td class="(\w+)"[^>]*>(.*?)<\/td>/g)].map(
      (m) => `${m[1]}:${m[2].replace(/<[^>]+>/g, '')}`,
    );
    assert.deepEqual(cells, [
      'folder:dc1',
      'c:✓',
      'd:+1 −1',
      'd:+0 −1',
      'c:✓',
      'n:',
      'c:✓',
      'd:+4 −0',
      'c:✓',
    ]);
  });

  it('links devices and features to the reviews with deviceLink, escaped', () => {
    const link = (d: ComplianceDevice, feature?: string) =>
      `command:netremediate.review?${encodeURIComponent(JSON.stringify([d.folder, d.device_id, feature ?? null]))}&x="y"`;
    const html = renderComplianceHtml(loadReport('fleet-report'), { deviceLink: link });
    assert.match(
      html,
      /<a class="review" href="command:netremediate\.review\?[^"]*%22leaf-101%22%2Cnull%5D&amp;x=&quot;y&quot;">Review remediation<\/a>/,
    );
    assert.match(
      html,
      /href="command:netremediate\.review\?[^"]*%22leaf-101%22%2C%22interfaces%22%5D[^"]*">Review Interfaces<\/a>/,
    );
    // A compliant device has no details in the page: its name links to its review instead.
    assert.match(html, /<th scope="row"><a href="command:[^"]*core-sw-02[^"]*">core-sw-02<\/a><\/th>/);
  });

  it('at fleet size: shows the first page of the matrix and only the picked device details', () => {
    const report = generateComplianceReport(1000);
    const html = renderComplianceHtml(report);
    const rows = [...html.matchAll(/<tr data-s="\w" data-f="\d+"( hidden)?>/g)];
    assert.equal(rows.length, 1000);
    assert.equal(rows.filter((m) => m[1] === undefined).length, 100);
    assert.match(html, /<table class="matrix" id="matrix" data-page-size="100">/);
    assert.match(html, /<div class="devices" id="devices" data-mode="selected">/);
    assert.match(html, /Devices 1–100 of 1,000/);
    assert.match(html, /<option value="2">site-02<\/option>/);
  });

  it('says when there is nothing to remediate', () => {
    const empty = renderComplianceHtml(loadReport('empty-report'));
    assert.match(empty, /The report has no devices\./);
    assert.match(empty, /merged from shards 1\/2, 2\/2/);
    const report = loadReport('fleet-report');
    const compliant = report.devices.filter((d) => d.status === 'compliant');
    const html = renderComplianceHtml({ ...report, devices: compliant });
    assert.match(html, /Every device is compliant: there is nothing to remediate\./);
  });
});
