/**
 * `--format junit`: drift as failed tests, so any CI's test view shows it. One `<testsuite>` per folder,
 * one `<testcase>` per device (`classname` the folder, `name` the device id), one `<failure>` per
 * drifting feature with the feature's remediation as its body, an `<error>` for a device that could
 * not be checked. Counts follow the JUnit convention CI servers read: `failures` and `errors` count
 * test cases (devices), not failure elements. Written to the shape of Jenkins' junit-4.xsd, which the
 * tests validate against (its order inside a test case: error before failures, then system-out).
 *
 * Unmanaged drift (sections differing outside a device's scope, docs/scope.md) is information, never a
 * failure: it goes in the test case's `<system-out>`, which CI test views show with the case whatever
 * its outcome, and a suite within a scope counts its devices with it in a property. (The XSD allows
 * `<properties>` on suites only.)
 */
import type { FeatureCompliance } from '../../engine/compliance/types';
import type { ComplianceDevice, ComplianceReport } from '../compliance';
import { escapeXmlAttribute, escapeXmlText } from './escape';
import {
  compareText,
  driftingFeatures,
  FeatureOrder,
  hasUnmanagedDrift,
  plural,
  sortedDevices,
  unlistedUnmanaged,
  unmanagedKindText,
  unmanagedSections,
  unmanagedWhere,
} from './reportModel';

export interface ComplianceJUnitOptions {
  /** The `<testsuites name>`; `netremediate compliance` by default. */
  readonly name?: string;
}

interface SuiteCounts {
  tests: number;
  failures: number;
  errors: number;
}

export function renderComplianceJUnit(
  report: ComplianceReport,
  options: ComplianceJUnitOptions = {},
): string {
  const order = new FeatureOrder(report.summary.features);
  const byFolder = new Map<string, ComplianceDevice[]>();
  for (const device of sortedDevices(report)) {
    const list = byFolder.get(device.folder) ?? [];
    list.push(device);
    byFolder.set(device.folder, list);
  }
  const total: SuiteCounts = { tests: 0, failures: 0, errors: 0 };
  const suites: string[] = [];
  for (const folder of [...byFolder.keys()].sort(compareText)) {
    const devices = byFolder.get(folder) ?? [];
    const counts = countCases(devices);
    total.tests += counts.tests;
    total.failures += counts.failures;
    total.errors += counts.errors;
    suites.push(renderSuite(report, folder, devices, counts, order));
  }
  const name = options.name ?? 'netremediate compliance';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escapeXmlAttribute(name)}" tests="${total.tests}" failures="${total.failures}" errors="${total.errors}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function countCases(devices: readonly ComplianceDevice[]): SuiteCounts {
  return {
    tests: devices.length,
    failures: devices.filter((d) => d.status === 'drift').length,
    errors: devices.filter((d) => d.status === 'failed').length,
  };
}

function renderSuite(
  report: ComplianceReport,
  folder: string,
  devices: readonly ComplianceDevice[],
  counts: SuiteCounts,
  order: FeatureOrder,
): string {
  const attrs =
    `name="${escapeXmlAttribute(folder)}" tests="${counts.tests}" failures="${counts.failures}" ` +
    `errors="${counts.errors}" skipped="0" timestamp="${escapeXmlAttribute(report.generated_at)}"`;
  const lines = [
    `  <testsuite ${attrs}>`,
    '    <properties>',
    property('tool', `${report.tool.name} ${report.tool.version}`),
    property('feature_set_sha256', report.feature_set_sha256),
    ...(devices.some((d) => d.unmanaged_drift !== undefined)
      ? [property('unmanaged_drift_devices', String(devices.filter(hasUnmanagedDrift).length))]
      : []),
    '    </properties>',
  ];
  for (const device of devices) lines.push(renderCase(device, order));
  lines.push('  </testsuite>');
  return lines.join('\n');
}

function property(name: string, value: string): string {
  return `      <property name="${escapeXmlAttribute(name)}" value="${escapeXmlAttribute(value)}"/>`;
}

function renderCase(device: ComplianceDevice, order: FeatureOrder): string {
  const open = `    <testcase classname="${escapeXmlAttribute(device.folder)}" name="${escapeXmlAttribute(device.device_id)}"`;
  if (device.status === 'failed') {
    const error = device.error ?? 'the device could not be checked';
    const firstLine = error.split(/\r?\n/, 1)[0];
    return [
      `${open}>`,
      `      <error message="${escapeXmlAttribute(firstLine)}" type="failed">${escapeXmlText(error)}</error>`,
      '    </testcase>',
    ].join('\n');
  }
  const failures = driftingFeatures(device, order);
  const out = hasUnmanagedDrift(device) ? [renderUnmanaged(device)] : [];
  if (failures.length === 0 && out.length === 0) return `${open}/>`;
  return [`${open}>`, ...failures.map(renderFailure), ...out, '    </testcase>'].join('\n');
}

/** The case's `<system-out>`: a sentence, then a section a line, the telling ones first. */
function renderUnmanaged(device: ComplianceDevice): string {
  const count = device.unmanaged_drift ?? 0;
  const lines = [
    `Unmanaged drift (information, not a failure): ${plural(count, 'top-level section')} ` +
      `${count === 1 ? 'differs' : 'differ'} outside the scope, left alone by the remediation.`,
  ];
  for (const s of unmanagedSections(device)) {
    const where = unmanagedWhere(s);
    lines.push(`  ${s.text}  (${unmanagedKindText(s)}${where ? `; ${where}` : ''})`);
  }
  const unlisted = unlistedUnmanaged(device);
  if (unlisted > 0) lines.push(`  \u2026 and ${unlisted} more, not listed in the report`);
  return `      <system-out>${escapeXmlText(lines.join('\n'))}</system-out>`;
}

export function failureMessage(feature: FeatureCompliance): string {
  return `${feature.feature}: ${feature.missing_count} missing, ${feature.extra_count} extra`;
}

function renderFailure(feature: FeatureCompliance): string {
  const body = escapeXmlText(feature.remediation.replace(/\n+$/, ''));
  return `      <failure message="${escapeXmlAttribute(failureMessage(feature))}" type="drift">${body}</failure>`;
}
