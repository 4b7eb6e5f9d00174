/**
 * The hand-written compliance reports of test/fixtures/compliance/ and their golden outputs. A golden
 * file is the spec a reviewer reads: after a deliberate change, rewrite them with
 * `UPDATE_GOLDEN=1 node --test out/test/unit/complianceReport/` and review the diff.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { ComplianceReport } from '../../../server/src/protocol/compliance';
import { fixturePath } from '../../support/paths';

/**
 * fleet: 8 IOS and NX-OS devices in 2 folders; edge: names and texts that need escaping; empty: no
 * devices; scoped: 4 devices checked within a scope, one of them compliant with unmanaged drift (its
 * sections in every kind, texts that need escaping).
 */
export const REPORT_FIXTURES = ['fleet-report', 'edge-report', 'empty-report', 'scoped-report'] as const;
export type ReportFixture = (typeof REPORT_FIXTURES)[number];

export function fixtureText(name: ReportFixture): string {
  return fs.readFileSync(fixturePath('compliance', `${name}.json`), 'utf8');
}

export function loadReport(name: ReportFixture): ComplianceReport {
  return JSON.parse(fixtureText(name)) as ComplianceReport;
}

const update = process.env.UPDATE_GOLDEN === '1';

/** Compares `actual` with golden/<file>; UPDATE_GOLDEN=1 rewrites the file instead (a missing one fails). */
export function assertGolden(file: string, actual: string): void {
  const golden = fixturePath('compliance', 'golden', file);
  if (update) fs.writeFileSync(golden, actual);
  assert.ok(fs.existsSync(golden), `no golden file ${golden}: run with UPDATE_GOLDEN=1 and review it`);
  assert.equal(actual, fs.readFileSync(golden, 'utf8'), `${file} differs from its golden file`);
}

/** The same report with its devices in another order: renderers must not depend on input order. */
export function shuffled(report: ComplianceReport): ComplianceReport {
  const devices = [...report.devices].reverse().map((d) => ({ ...d, features: [...d.features].reverse() }));
  return { ...report, devices };
}
