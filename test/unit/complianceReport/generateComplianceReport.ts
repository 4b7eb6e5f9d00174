/**
 * A generated fleet-size ComplianceReport for the bench and the large-report tests: `devices` devices
 * in folders of 400, 16 features, about a third of the devices drifting in one to three features with
 * IOS-looking lines, one in two hundred failed. Deterministic (a seeded generator), so runs compare.
 */
import type { FeatureCompliance } from '../../../server/src/engine/compliance/types';
import type {
  ComplianceDevice,
  ComplianceReport,
  FeatureSummary,
} from '../../../server/src/protocol/compliance';

export const GENERATED_FEATURES: readonly (readonly [name: string, title: string, line: string])[] = [
  ['aaa', 'AAA', 'aaa authorization commands 15 default group tacacs+ local'],
  ['users', 'Local users', 'username ops-{n} privilege 15 secret 9 $9$Zx{n}Qk'],
  ['ntp', 'NTP', 'ntp server 10.0.{n}.1 prefer'],
  ['snmp', 'SNMP', 'snmp-server host 10.20.{n}.9 version 3 priv nms-{n}'],
  ['logging', 'Logging', 'logging host 10.30.{n}.5 transport udp port 514'],
  ['banner', 'Banners', 'banner login ^CAuthorized <ops> & "noc" only {n}^C'],
  ['acl', 'Access lists', 'ip access-list extended MGMT-{n}\n permit tcp 10.0.{n}.0 0.0.0.255 any eq 22'],
  ['qos', 'QoS', 'policy-map WAN-OUT-{n}\n class VOICE\n  priority percent 20'],
  ['vlans', 'VLANs', 'vlan {n}\n name users-{n}'],
  [
    'interfaces',
    'Interfaces',
    'interface GigabitEthernet0/{n}\n description <uplink {n}> & "core"\n no shutdown',
  ],
  ['stp', 'Spanning tree', 'spanning-tree vlan {n} priority 24576'],
  ['routing-static', 'Routing: static', 'ip route 10.{n}.0.0 255.255.0.0 192.0.2.{n} name to-{n}'],
  ['routing-ospf', 'Routing: OSPF', 'router ospf 1\n network 10.{n}.0.0 0.0.255.255 area 0'],
  ['routing-bgp', 'Routing: BGP', 'router bgp 65000\n neighbor 10.255.{n}.2 remote-as 65{n}'],
  ['mgmt', 'Management', 'ip ssh version 2\nip scp server enable'],
  ['other', 'Other', 'service timestamps log datetime msec localtime show-timezone'],
];

/** Park–Miller: small, seeded, the same sequence on every machine. */
function random(seed: number): () => number {
  let state = seed % 2147483647 || 1;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

function lines(template: string, count: number, offset: number): string {
  const out: string[] = [];
  for (let k = 0; k < count; k++) out.push(template.replace(/\{n\}/g, String(offset + k)));
  return `${out.join('\n')}\n`;
}

export function generateComplianceReport(devices: number, seed = 7): ComplianceReport {
  const next = random(seed);
  const list: ComplianceDevice[] = [];
  for (let i = 0; i < devices; i++) {
    const folder = `site-${String(Math.floor(i / 400)).padStart(2, '0')}`;
    const id = `rtr-${String(i).padStart(5, '0')}`;
    const base = { device_id: id, folder, platform: 'cisco_ios' as const };
    const paths = { running: `running/${id}.cfg`, intended: `intended/${id}.cfg` };
    const roll = next();
    if (roll < 0.005) {
      list.push({
        ...base,
        ...paths,
        status: 'failed',
        error: `intended/${id}.cfg:${1 + (i % 90)}: banner has no closing delimiter`,
        features: [],
      });
      continue;
    }
    const drifting = roll < 0.34 ? 1 + Math.floor(next() * 3) : 0;
    const features: FeatureCompliance[] = [];
    let line = 1;
    GENERATED_FEATURES.forEach(([name, , template], f) => {
      if (f % 5 === i % 5 && name !== 'other') return; // not configured: some cells of every column
      const start = line;
      line += 6;
      const drift = drifting > 0 && (f + i) % 16 < drifting * 2 && f % 2 === 0;
      if (!drift) {
        features.push({
          feature: name,
          compliant: true,
          missing: '',
          missing_count: 0,
          extra: '',
          extra_count: 0,
          remediation: '',
          rollback: '',
          intended_ranges: [{ start_line: start, end_line: start + 4 }],
        });
        return;
      }
      const missingCount = Math.floor(next() * 4);
      const extraCount = missingCount === 0 ? 1 + Math.floor(next() * 3) : Math.floor(next() * 3);
      const missing = missingCount > 0 ? lines(template, missingCount, i % 200) : '';
      const extra = extraCount > 0 ? lines(template, extraCount, 200 + (i % 50)) : '';
      const negate = (text: string) =>
        text
          .split('\n')
          .filter((l) => l && !l.startsWith(' '))
          .map((l) => `no ${l}`)
          .join('\n');
      features.push({
        feature: name,
        compliant: false,
        missing,
        missing_count: missingCount,
        extra,
        extra_count: extraCount,
        remediation: `${negate(extra)}${extra && missing ? '\n' : ''}${missing}`,
        rollback: `${negate(missing)}${extra && missing ? '\n' : ''}${extra}`,
        intended_ranges: missingCount > 0 ? [{ start_line: start, end_line: start + 4 }] : [],
      });
    });
    const status = features.some((f) => !f.compliant) ? 'drift' : 'compliant';
    list.push({ ...base, ...paths, status, features });
  }
  return {
    version: 1,
    generated_at: '2025-06-02T07:45:12.000Z',
    tool: { name: 'netremediate', version: '0.1.0' },
    feature_set_sha256: 'c0ffee'.padEnd(64, '0'),
    summary: summarize(list),
    devices: list,
  };
}

/** The summary block of a device list, as the report defines it (also checks the hand-written fixtures). */
export function summarize(
  devices: readonly ComplianceDevice[],
  features: readonly { feature: string; title: string }[] = GENERATED_FEATURES.map(([feature, title]) => ({
    feature,
    title,
  })),
): ComplianceReport['summary'] {
  const summaries: FeatureSummary[] = features.map(({ feature, title }) => {
    let configured = 0;
    let compliant = 0;
    for (const d of devices) {
      const f = d.features.find((x) => x.feature === feature);
      if (f === undefined) continue;
      configured++;
      if (f.compliant) compliant++;
    }
    return { feature, title, devices: configured, compliant, drifting: configured - compliant };
  });
  const scoped = devices.some((d) => d.unmanaged_drift !== undefined);
  return {
    devices: devices.length,
    compliant: devices.filter((d) => d.status === 'compliant').length,
    drifting: devices.filter((d) => d.status === 'drift').length,
    failed: devices.filter((d) => d.status === 'failed').length,
    features: summaries,
    ...(scoped
      ? { unmanaged_drift_devices: devices.filter((d) => (d.unmanaged_drift ?? 0) > 0).length }
      : {}),
  };
}
