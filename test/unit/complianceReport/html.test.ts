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
import { generateComplianceReport, summarize } from './generateComplianceReport';
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
    const fleet = renderComplianceHtml(loadReport('fleet-report')).split('</style>')[1];
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

  it('within a scope: unmanaged drift as a fifth figure, never as a failure', () => {
    const html = renderComplianceHtml(loadReport('scoped-report'));
    assert.match(
      html,
      /<section class="kpis has-info" aria-label="Fleet summary">.*<div class="kpi info"><div class="kpi-label">Unmanaged drift<\/div><div class="kpi-value">1<\/div>/s,
    );
    assert.match(html, /scope <code title="b4b66d4df6fa[0-9a-f]{52}">b4b66d4df6fa<\/code>/);
    assert.match(html, /<span class="u">Unmanaged drift \(information\)<\/span>/);
    // The fleet's figures are unchanged: the device with unmanaged drift is compliant.
    assert.match(html, /<div class="kpi-label">Compliant<\/div><div class="kpi-value">2<\/div>/);
    const fleet = renderComplianceHtml(loadReport('fleet-report')).split('</style>')[1];
    assert.doesNotMatch(
      fleet,
      /Unmanaged drift|has-info|data-u|class="unmanaged"/,
      'no scope, nothing to show',
    );
  });

  it('lists a device’s unmanaged sections in its details, the telling ones first, every text escaped', () => {
    const html = renderComplianceHtml(loadReport('scoped-report'));
    // A compliant device gets details for its unmanaged drift alone, and its matrix row leads there.
    const row =
      /<tr data-s="c" data-f="0" data-u><th scope="row" title="4 sections differ outside the scope \(information, not drift\)"><a href="#(d\d+)-unmanaged">br-rtr-12<\/a><\/th>/.exec(
        html,
      );
    assert.ok(row, 'the row of br-rtr-12');
    const article = new RegExp(`<article class="device" id="${row[1]}" data-s="c">(.*?)</article>`, 's').exec(
      html,
    );
    assert.ok(article, 'the details of br-rtr-12');
    const details = article[1];
    assert.match(details, /<span class="badge c">Compliant<\/span><span class="badge u">4 unmanaged<\/span>/);
    assert.doesNotMatch(
      details,
      /class="(badge [dx]|error-box|feature)"/,
      'nothing in it looks like a failure',
    );
    assert.match(details, new RegExp(`<section class="unmanaged" id="${row[1]}-unmanaged">`));
    assert.match(details, /4 top-level sections differ outside the scope: left alone by the remediation/);
    const rows = [
      ...details.matchAll(
        /<tr data-k="([\w-]+)"><td><code>(.*?)<\/code><\/td><td>(.*?)<\/td><td>(.*?)<\/td><\/tr>/g,
      ),
    ];
    assert.deepEqual(
      rows.map((m) => m.slice(1)),
      [
        ['differs', 'hostname BR-RTR-12', 'differs', 'running line 14 · intended line 3'],
        [
          'intended-only',
          'ip as-path access-list 10 permit _[0-9]+_',
          'only in intended',
          'intended line 31',
        ],
        ['running-only', 'service password-encryption', 'only in running', 'running line 11'],
        [
          'running-only',
          'username ops&lt;1&gt; privilege 15 secret 9 $9$Zx&amp;&quot;q&quot;[w]`x`',
          'only in running, ignored',
          'running line 21',
        ],
      ],
    );
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    for (const [, target] of html.matchAll(/href="#([^"]+)"/g)) assert.ok(ids.has(target), `#${target}`);
  });

  it('shows the unmanaged drift of a drifting device after its features, and says what the report leaves out', () => {
    const report = loadReport('scoped-report');
    const sections = Array.from({ length: 50 }, (_, i) => ({
      text: `interface GigabitEthernet0/${i} <x>`,
      kind: 'running-only' as const,
      reason: 'unmanaged' as const,
      line: 40 + i,
    }));
    const devices = report.devices.map((d) =>
      d.device_id === 'br-rtr-11'
        ? { ...d, unmanaged_drift: 60, unmanaged_sections: sections }
        : d.device_id === 'br-rtr-13'
          ? { ...d, unmanaged_drift: 3 } // a report written before the sections were listed
          : d,
    );
    const html = renderComplianceHtml({ ...report, devices });
    const drifting = /<article class="device" id="d1" data-s="d">(.*?)<\/article>/s.exec(html)?.[1] ?? '';
    assert.match(
      drifting,
      /<span class="badge d">Drift · 1 feature<\/span><span class="badge u">60 unmanaged<\/span>/,
    );
    assert.ok(drifting.indexOf('class="feature"') < drifting.indexOf('class="unmanaged"'));
    assert.equal(drifting.match(/<tr data-k="running-only">/g)?.length, 50);
    assert.match(drifting, /GigabitEthernet0\/7 &lt;x&gt;/);
    assert.match(drifting, /<p class="um-more">… and 10 more, not listed in the report\.<\/p>/);
    assert.match(
      html,
      /3 top-level sections differ outside the scope.*?<p class="um-more">The report does not list them\.<\/p>/s,
    );
  });

  it('at fleet size, a device with unmanaged drift only is one more to pick in the matrix', () => {
    const report = generateComplianceReport(200);
    const devices = report.devices.map((d, i) =>
      i % 4 === 0 && d.status !== 'failed'
        ? { ...d, unmanaged_drift: 1, unmanaged_sections: [] }
        : { ...d, unmanaged_drift: 0 },
    );
    const html = renderComplianceHtml({ ...report, devices, summary: summarize(devices) });
    const compliantWithDrift = devices.filter(
      (d) => d.status === 'compliant' && d.unmanaged_drift > 0,
    ).length;
    const attention = devices.filter((d) => d.status !== 'compliant').length;
    assert.match(html, /<div class="devices" id="devices" data-mode="selected">/);
    assert.equal(html.match(/<article class="device"/g)?.length, attention + compliantWithDrift);
    assert.match(
      html,
      new RegExp(
        `${attention} devices need attention, and ${compliantWithDrift} compliant devices have unmanaged drift\\. Select a drift or failed cell, or a device marked <span class="um-mark"`,
      ),
    );
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
