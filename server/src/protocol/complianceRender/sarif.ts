/**
 * `--format sarif`: drift as SARIF 2.1.0 results at the intended file's lines, so code review tools
 * (GitHub code scanning, Azure DevOps, the SARIF viewer) annotate the pull request that changes a
 * template. One run; one rule per feature (id = feature name) plus one for devices that could not be
 * checked; one result per drifting feature per device, `warning`, and one `error` per failed device.
 * The remediation travels in the message (markdown) and in `properties`, with the counts and texts.
 *
 * Unmanaged drift (sections differing outside a device's scope, docs/scope.md) is information: one
 * `note` per device under its own rule, only in a report with a scope.
 */
import type { FeatureCompliance, LineRange } from '../../engine/compliance/types';
import type { UnmanagedSection } from '../../engine/scope/types';
import type { ComplianceDevice, ComplianceReport, FeatureSummary } from '../compliance';
import { escapeMarkdown, markdownCodeBlock, markdownInlineCode } from './escape';
import {
  driftingFeatures,
  FeatureOrder,
  hasUnmanagedDrift,
  joinFolderPath,
  plural,
  sortedDevices,
  unlistedUnmanaged,
  unmanagedKindText,
  unmanagedSections,
} from './reportModel';

export const SARIF_SCHEMA_URL = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/netremediate/netremediate';
/** Artifact URIs are relative to the checkout, which is what a code scanning upload resolves them against. */
const SRCROOT = '%SRCROOT%';

export interface ComplianceSarifOptions {
  /** `automationDetails.id`: the category code scanning keeps results apart by. */
  readonly category?: string;
}

interface Region {
  startLine: number;
  endLine: number;
}

/** Our result identity across runs: code scanning matches a result to the previous one by it. */
const FINGERPRINT = 'netremediateCompliance/v1';

export function renderComplianceSarif(
  report: ComplianceReport,
  options: ComplianceSarifOptions = {},
): string {
  const order = new FeatureOrder(report.summary.features);
  const features = report.summary.features;
  const failedRuleId = freeRuleId('device-failed', features);
  // The unmanaged drift rule only where a scope was in force: other reports keep the rules they had.
  const unmanagedRuleId =
    report.summary.unmanaged_drift_devices === undefined
      ? undefined
      : freeRuleId('unmanaged-drift', features);
  const rules = [
    ...features.map(featureRule),
    failedDeviceRule(failedRuleId),
    ...(unmanagedRuleId === undefined ? [] : [unmanagedRule(unmanagedRuleId)]),
  ];
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results: object[] = [];
  for (const device of sortedDevices(report)) {
    if (device.status === 'failed') {
      results.push(failedResult(device, failedRuleId, ruleIndex.get(failedRuleId) ?? -1));
      continue;
    }
    for (const feature of driftingFeatures(device, order)) {
      results.push(
        driftResult(device, feature, order.title(feature.feature), ruleIndex.get(feature.feature)),
      );
    }
    if (unmanagedRuleId !== undefined && hasUnmanagedDrift(device)) {
      results.push(unmanagedResult(device, unmanagedRuleId, ruleIndex.get(unmanagedRuleId) ?? -1));
    }
  }
  const shard = report.shard ? `shard-${report.shard.index}-of-${report.shard.count}/` : '';
  const log = {
    $schema: SARIF_SCHEMA_URL,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'netremediate',
            version: report.tool.version,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        automationDetails: { id: options.category ?? `netremediate-compliance/${shard}` },
        invocations: [{ executionSuccessful: true, endTimeUtc: report.generated_at }],
        columnKind: 'utf16CodeUnits',
        results,
        properties: { feature_set_sha256: report.feature_set_sha256 },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function featureRule(f: FeatureSummary) {
  const title = f.title || f.feature;
  const what = `The ${title} lines of a device's running config are those of its intended config: none missing, none extra.`;
  const how =
    'A result lists the lines missing from the running config and the extra ones, with the remediation that fixes them and its rollback.';
  return {
    id: f.feature,
    shortDescription: { text: `${title}: running config matches intended` },
    fullDescription: { text: what },
    help: {
      text: `${what} ${how}`,
      markdown: `The **${escapeMarkdown(title)}** lines of a device's running config are those of its intended config: none missing, none extra.\n\n${how}`,
    },
    defaultConfiguration: { level: 'warning' },
    properties: { tags: ['compliance', 'configuration-drift'] },
  };
}

/** `device-failed` (or another of our rules' ids), unless a feature is called that (feature names are users' data). */
function freeRuleId(base: string, features: readonly FeatureSummary[]): string {
  const taken = new Set(features.map((f) => f.feature));
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

function failedDeviceRule(id: string) {
  const what = "A device's running and intended configs can be read, parsed and compared.";
  return {
    id,
    shortDescription: { text: 'Device configs can be checked' },
    fullDescription: { text: what },
    help: {
      text: `${what} A result says why they could not.`,
      markdown: `${what} A result says why they could not.`,
    },
    defaultConfiguration: { level: 'error' },
    properties: { tags: ['compliance'] },
  };
}

/** Sorted, with overlapping and adjacent ranges joined: one region per contiguous block of the file. */
export function mergeRanges(ranges: readonly LineRange[]): Region[] {
  const sorted = ranges
    .filter((r) => r.start_line >= 1 && r.end_line >= r.start_line)
    .map((r) => ({ startLine: r.start_line, endLine: r.end_line }))
    .sort((a, b) => a.startLine - b.startLine || a.endLine - b.endLine);
  const merged: Region[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && r.startLine <= last.endLine + 1)
      last.endLine = Math.max(last.endLine, r.endLine);
    else merged.push({ ...r });
  }
  return merged;
}

/** Each path segment percent-encoded: the URI must stay valid whatever the folder and file are called. */
export function artifactUri(folder: string, relative: string): string {
  return joinFolderPath(folder, relative).split('/').map(encodeURIComponent).join('/');
}

function physicalLocation(device: ComplianceDevice, region: Region) {
  return {
    artifactLocation: { uri: artifactUri(device.folder, device.intended), uriBaseId: SRCROOT },
    region,
  };
}

function driftResult(
  device: ComplianceDevice,
  feature: FeatureCompliance,
  title: string,
  ruleIndex: number | undefined,
) {
  const regions = mergeRanges(feature.intended_ranges);
  const counts = `${plural(feature.missing_count, 'line')} missing and ${feature.extra_count} extra`;
  const where =
    regions.length === 0
      ? ` The intended config has no ${title} lines, so this points at its line 1; the extra lines are in the running config (${device.running}).`
      : '';
  // Code review tools show `text` in the annotation (markdown only in some viewers): the fix goes in both.
  const text =
    `${device.device_id} (${device.folder}): ${title} drift, ${counts}.${where}\n\n` +
    `Remediation:\n${feature.remediation.replace(/\n+$/, '')}`;
  const markdown =
    `**${escapeMarkdown(device.device_id)}** (${escapeMarkdown(device.folder)}): **${escapeMarkdown(title)}** drift, ` +
    `${counts}.${escapeMarkdown(where)}\n\n` +
    `Remediation:\n\n${markdownCodeBlock(feature.remediation)}\n\nRollback:\n\n${markdownCodeBlock(feature.rollback)}`;
  const [primary = { startLine: 1, endLine: 1 }, ...others] = regions;
  return {
    ruleId: feature.feature,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: 'warning',
    message: { text, markdown },
    locations: [{ physicalLocation: physicalLocation(device, primary) }],
    ...(others.length > 0
      ? {
          relatedLocations: others.map((region, i) => ({
            id: i + 1,
            physicalLocation: physicalLocation(device, region),
            message: { text: `more ${title} lines of the intended config` },
          })),
        }
      : {}),
    partialFingerprints: { [FINGERPRINT]: `${device.folder}/${device.device_id}/${feature.feature}` },
    properties: {
      device_id: device.device_id,
      folder: device.folder,
      ...(device.platform ? { platform: device.platform } : {}),
      feature: feature.feature,
      running: device.running,
      intended: device.intended,
      missing_count: feature.missing_count,
      extra_count: feature.extra_count,
      missing: feature.missing,
      extra: feature.extra,
      remediation: feature.remediation,
      rollback: feature.rollback,
    },
  };
}

/** What every result about a device carries in its properties: which device, which files. */
function deviceProperties(device: ComplianceDevice) {
  return {
    device_id: device.device_id,
    folder: device.folder,
    ...(device.platform ? { platform: device.platform } : {}),
    running: device.running,
    intended: device.intended,
  };
}

function failedResult(device: ComplianceDevice, ruleId: string, ruleIndex: number) {
  const error = device.error ?? 'the device could not be checked';
  return {
    ruleId,
    ruleIndex,
    level: 'error',
    message: {
      text: `${device.device_id} (${device.folder}) could not be checked: ${error}`,
      markdown: `**${escapeMarkdown(device.device_id)}** (${escapeMarkdown(device.folder)}) could not be checked:\n\n${markdownCodeBlock(error)}`,
    },
    locations: [{ physicalLocation: physicalLocation(device, { startLine: 1, endLine: 1 }) }],
    partialFingerprints: { [FINGERPRINT]: `${device.folder}/${device.device_id}/${ruleId}` },
    properties: {
      ...deviceProperties(device),
      error,
    },
  };
}

function unmanagedRule(id: string) {
  const what =
    "Top-level sections that differ between a device's running and intended configs outside the workspace's scope (docs/scope.md).";
  const how =
    'They are information: left alone by the remediation and never drift. A result lists them, those both configs have first; those only the running config has are what a partial template leaves out.';
  return {
    id,
    shortDescription: { text: 'Sections differing outside the scope (information)' },
    fullDescription: { text: what },
    help: { text: `${what} ${how}`, markdown: `${what}\n\n${how}` },
    defaultConfiguration: { level: 'note' },
    properties: { tags: ['compliance', 'unmanaged-drift'] },
  };
}

/**
 * Where an unmanaged section is: the intended file at its line when intended has it and the line is
 * known (`differs`, `intended-only`), otherwise the running file at its line; none when no line is known.
 */
function unmanagedRegion(device: ComplianceDevice, s: UnmanagedSection) {
  const intendedLine = s.kind === 'intended-only' ? s.line : s.intended_line;
  if (intendedLine !== undefined) {
    return { file: device.intended, region: { startLine: intendedLine + 1 } };
  }
  if (s.kind !== 'intended-only' && s.line !== undefined) {
    return { file: device.running, region: { startLine: s.line + 1 } };
  }
  return undefined;
}

/**
 * One `note` per device, not one per section: a partial template leaves dozens of sections of every
 * device out, and code scanning rejects a run of more than 25,000 results (and shows 5,000, the
 * severest first), which would cost the drift warnings their place. Each listed section is a related
 * location; the result itself is at the first one in the intended file (the file a pull request
 * changes), or at its line 1 when intended has none of them, as for a feature with only extra lines.
 */
function unmanagedResult(device: ComplianceDevice, ruleId: string, ruleIndex: number) {
  const count = device.unmanaged_drift ?? 0;
  const located = unmanagedSections(device).map((s) => ({ s, at: unmanagedRegion(device, s) }));
  const related = located.flatMap(({ s, at }) => (at === undefined ? [] : [{ s, at }]));
  const linkId = new Map(related.map(({ s }, i) => [s, i + 1]));
  const inIntended = related.find(({ at }) => at.file === device.intended)?.at.region;
  const summary = `${plural(count, 'top-level section')} ${count === 1 ? 'differs' : 'differ'} outside the scope (information: not in the remediation, not drift)`;
  const where =
    inIntended === undefined
      ? ` No listed section has a line in the intended config, so this points at its line 1; the running config is ${device.running}.`
      : '';
  const unlisted = unlistedUnmanaged(device);
  const more = unlisted > 0 ? [`\u2026 and ${unlisted} more, not listed in the report`] : [];
  // Code scanning turns `[text](id)` in the text into a link to that related location.
  const text = [
    `${device.device_id} (${device.folder}): ${summary}.${where}`,
    ...located.map(({ s }) => {
      const label = escapeSarifText(s.text);
      const id = linkId.get(s);
      return `- ${id === undefined ? label : `[${label}](${id})`} (${unmanagedKindText(s)})`;
    }),
    ...more,
  ].join('\n');
  const markdown = [
    `**${escapeMarkdown(device.device_id)}** (${escapeMarkdown(device.folder)}): ${summary}.${escapeMarkdown(where)}`,
    '',
    ...located.map(({ s }) => `- ${markdownInlineCode(s.text)} ${unmanagedKindText(s)}`),
    ...(more.length > 0 ? ['', ...more] : []),
  ].join('\n');
  const location = (file: string, region: { startLine: number }) => ({
    artifactLocation: { uri: artifactUri(device.folder, file), uriBaseId: SRCROOT },
    region,
  });
  return {
    ruleId,
    ruleIndex,
    level: 'note',
    message: { text, markdown },
    locations: [{ physicalLocation: location(device.intended, inIntended ?? { startLine: 1 }) }],
    ...(related.length > 0
      ? {
          relatedLocations: related.map(({ s, at }, i) => ({
            id: i + 1,
            physicalLocation: location(at.file, at.region),
            message: { text: `${escapeSarifText(s.text)} (${unmanagedKindText(s)})` },
          })),
        }
      : {}),
    partialFingerprints: { [FINGERPRINT]: `${device.folder}/${device.device_id}/${ruleId}` },
    properties: {
      ...deviceProperties(device),
      unmanaged_drift: count,
      unmanaged_sections: device.unmanaged_sections ?? [],
    },
  };
}

/** Plain SARIF message text: a bracket would start an embedded link, so brackets (and backslashes) are escaped. */
function escapeSarifText(text: string): string {
  return text.replace(/[\\[\]]/g, (c) => `\\${c}`);
}
