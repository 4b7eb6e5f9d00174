import { interfaceName, type Platform } from '../../engine';
import type { ObjectKind } from './objectKinds';

/**
 * Every place a configuration defines or references a named object, as one table. Handlers never
 * match command text themselves: they ask the index (namedObjectIndex.ts) built from this table.
 *
 * Patterns run on a node's normalised text (indentation gone, blanks collapsed to one space), so a
 * regex sees `neighbor 10.0.0.1 route-map X in` however it was indented or spaced. They need the `d`
 * flag: the name's offset is where the occurrence's range starts.
 */
export interface ObjectPattern {
  readonly kind: ObjectKind;
  readonly role: 'definition' | 'reference';
  /** Platforms the pattern holds for; both when absent. */
  readonly platforms?: readonly Platform[];
  /** `top`: only top-level lines; `nested`: only lines inside a section; any line when absent. */
  readonly level?: 'top' | 'nested';
  /** The enclosing section's text starts with one of these. */
  readonly parent?: readonly string[];
  /** Cheap pre-check: the text starts with one of these (lines are dispatched on their first word)... */
  readonly prefixes?: readonly string[];
  /** ...or contains this, for commands that can name an object anywhere in the line. */
  readonly contains?: string;
  /**
   * Group `name`: one name; `names`: several, blank-separated (`match ip address A B`); `ns`: a
   * namespace that is part of the key (`template peer-policy X` and `peer-session X` are different
   * objects). With the `g` flag every match in the line counts (`permit tcp object-group A object-group B`).
   */
  readonly regex: RegExp;
  /**
   * The lookup key and the name shown for a captured name, on the document's platform; undefined
   * drops the capture. Default: as written.
   */
  readonly resolve?: (name: string, platform: Platform) => { key: string; display: string } | undefined;
}

// Keyed as the remediation compares interface names, with the platform's own table (the engine's
// interfaceName), so the editor and the scripts agree on which spellings are one interface. Shown as written.
const asInterface = (name: string, platform: Platform) => {
  const parsed = interfaceName(platform, name);
  return parsed && { key: parsed.key, display: name };
};
// `channel-group 10` means the bundle, named as the platform prints it: IOS `Port-channel10`, NX-OS `port-channel10`.
const asPortChannel = (n: string, platform: Platform) => interfaceName(platform, `port-channel${n}`);

/**
 * An interface name where one is expected: `Gi0/1`, or `Loopback 0` with one blank before the number
 * (the CLI takes it, and the remediation reads it as `Loopback0`, rules/ciscoCanonical.ts).
 */
const IFACE = '(?<name>[A-Za-z][A-Za-z-]* \\d[\\d/.:]*(?= |$)|\\S+)';
const iface = (source: string) =>
  new RegExp(
    source.replace('IFACE', () => IFACE),
    'd',
  );

const IOS: readonly Platform[] = ['cisco_ios'];
const NXOS: readonly Platform[] = ['cisco_nxos'];

/** Lines that can end in `vrf X` / `use-vrf X`: management-plane services bound to a VRF. */
const VRF_AWARE_SERVICES = [
  'ntp ',
  'logging ',
  'snmp-server ',
  'ip tacacs ',
  'ip radius ',
  'tacacs-server ',
  'radius-server ',
  'ip name-server ',
  'ip domain ',
  'ip domain-lookup ',
  'peer-keepalive ',
  'ip ssh ',
  'ip http ',
  'ip ftp ',
  'ip tftp ',
  'ip scp ',
  'ip flow-export ',
  'server ',
];

function def(kind: ObjectKind, prefixes: string[], regex: RegExp, more: Partial<ObjectPattern> = {}) {
  return { kind, role: 'definition', level: 'top', prefixes, regex, ...more } as ObjectPattern;
}

function ref(kind: ObjectKind, prefixes: string[], regex: RegExp, more: Partial<ObjectPattern> = {}) {
  return { kind, role: 'reference', prefixes, regex, ...more } as ObjectPattern;
}

function refAnywhere(kind: ObjectKind, contains: string, regex: RegExp, more: Partial<ObjectPattern> = {}) {
  return { kind, role: 'reference', contains, regex, ...more } as ObjectPattern;
}

export const OBJECT_PATTERNS: readonly ObjectPattern[] = [
  // Access lists: named (`ip access-list extended X`, NX-OS `ip access-list X`) and numbered.
  def(
    'acl',
    ['ip access-list ', 'ipv6 access-list ', 'mac access-list '],
    /^(?:ip|ipv6|mac) access-list (?:(?:standard|extended|role-based) )?(?!match-local-traffic$)(?<name>\S+)$/d,
  ),
  def('acl', ['access-list '], /^access-list (?<name>\d+) /d),
  ref(
    'acl',
    [
      'ip access-group ',
      'ipv6 access-group ',
      'mac access-group ',
      'ip port access-group ',
      'ipv6 traffic-filter ',
    ],
    /^(?:ip |ipv6 |mac )?(?:port )?(?:access-group|traffic-filter) (?:mode \S+ )?(?<name>\S+)(?: (?:in|out))?$/d,
    { level: 'nested' },
  ),
  ref(
    'acl',
    ['access-class ', 'ip access-class ', 'ipv6 access-class '],
    /^(?:ip |ipv6 )?access-class (?<name>\S+)(?: (?:in|out))?(?: vrf-also)?$/d,
  ),
  ref(
    'acl',
    ['match ip address ', 'match ipv6 address '],
    /^match ip(?:v6)? address (?!prefix-list )(?<names>.+)$/d,
    {
      parent: ['route-map '],
    },
  ),
  ref(
    'acl',
    ['match access-group ', 'match not access-group '],
    /^match (?:not )?access-group (?:(?:ipv6 )?name )?(?<name>\S+)$/d,
    { parent: ['class-map '] },
  ),
  ref('acl', ['match address '], /^match address (?<name>\S+)$/d, { parent: ['crypto map '] }),
  ref(
    'acl',
    ['snmp-server community '],
    /^snmp-server community \S+(?: view \S+)? (?:RO|RW|ro|rw)(?: ipv6 \S+)? (?<name>\S+)$/d,
    { platforms: IOS },
  ),
  ref('acl', ['snmp-server community '], /^snmp-server community \S+ use-(?:ipv4|ipv6)?acl (?<name>\S+)$/d),
  ref(
    'acl',
    ['snmp-server group ', 'snmp-server user '],
    /^snmp-server (?:group|user) .* access (?<name>\S+)$/d,
  ),
  ref('acl', ['ip nat inside ', 'ip nat outside '], /^ip nat (?:inside|outside) source list (?<name>\S+)/d),
  ref('acl', ['ntp access-group '], /^ntp access-group (?:ipv4 |ipv6 )?\S+ (?<name>\S+)/d),
  ref('acl', ['ip http access-class '], /^ip http access-class (?:ipv4 )?(?<name>\S+)$/d),
  ref(
    'acl',
    ['ip igmp access-group ', 'ip multicast boundary '],
    /^ip (?:igmp access-group|multicast boundary) (?<name>\S+)/d,
  ),
  ref(
    'acl',
    ['distribute-list '],
    /^distribute-list (?!prefix |prefix-list |route-map |gateway )(?<name>\S+) (?:in|out)/d,
    {
      level: 'nested',
    },
  ),

  // Prefix lists.
  def(
    'prefix-list',
    ['ip prefix-list ', 'ipv6 prefix-list '],
    /^ip(?:v6)? prefix-list (?<name>\S+) (?:seq \d+ )?(?:permit|deny|description)(?: |$)/d,
  ),
  ref(
    'prefix-list',
    ['match ip ', 'match ipv6 '],
    /^match ip(?:v6)? (?:address|next-hop|route-source) prefix-list (?<names>.+)$/d,
  ),
  ref(
    'prefix-list',
    ['neighbor ', 'prefix-list '],
    /^(?:neighbor \S+ )?prefix-list (?<name>\S+) (?:in|out)$/d,
    {
      level: 'nested',
    },
  ),
  ref('prefix-list', ['distribute-list '], /^distribute-list prefix(?:-list)? (?<name>\S+)/d, {
    level: 'nested',
  }),

  // Route maps: `route-map X permit 10` at the top level defines; anywhere else `route-map X` refers.
  def('route-map', ['route-map '], /^route-map (?<name>\S+)(?: (?:permit|deny))?(?: \d+)?$/d),
  refAnywhere('route-map', 'route-map ', /(?:^| )route-map (?<name>\S+)/d, { level: 'nested' }),
  refAnywhere('route-map', ' route-map ', / route-map (?<name>\S+)/d, { level: 'top' }),
  refAnywhere(
    'route-map',
    'map ',
    /(?:^| )(?:(?:import|export) map|(?:table|advertise|exist|non-exist|unsuppress|suppress|inject|attribute)-map) (?<name>\S+)/dg,
    { level: 'nested' },
  ),

  // QoS: class maps, used by `class X` in policy maps; policy maps, used by `service-policy`.
  def(
    'class-map',
    ['class-map '],
    /^class-map (?:type \S+ )?(?:(?:match-any|match-all|match-none) )?(?<name>\S+)$/d,
  ),
  ref('class-map', ['class '], /^class (?:type \S+ )?(?<name>\S+)(?: insert-before \S+)?$/d, {
    parent: ['policy-map '],
  }),
  ref('class-map', ['match class-map '], /^match class-map (?<name>\S+)$/d, { parent: ['class-map '] }),
  def('policy-map', ['policy-map '], /^policy-map (?:type \S+ )?(?<name>\S+)$/d),
  ref(
    'policy-map',
    ['service-policy '],
    /^service-policy (?:type \S+ )?(?:(?:input|output) )?(?<name>\S+)$/d,
  ),

  // Object groups, used inside ACL entries (IOS `object-group X`, NX-OS `addrgroup X` / `portgroup X`).
  def(
    'object-group',
    ['object-group '],
    /^object-group (?:(?:ip|ipv6) )?(?:network|service|address|port|security|v6-network|v6-service|fqdn|geo|user) (?<name>\S+)/d,
  ),
  refAnywhere('object-group', 'object-group ', /(?:^| )object-group (?<name>\S+)/dg, { level: 'nested' }),
  ref('object-group', ['group-object '], /^group-object (?<name>\S+)$/d, { level: 'nested' }),
  refAnywhere('object-group', 'group ', /(?:^| )(?:addrgroup|portgroup) (?<name>\S+)/dg, {
    level: 'nested',
    platforms: NXOS,
  }),

  // VRFs.
  def('vrf', ['vrf definition '], /^vrf definition (?<name>\S+)$/d, { platforms: IOS }),
  def('vrf', ['ip vrf '], /^ip vrf (?<name>\S+)$/d, { platforms: IOS }),
  def('vrf', ['vrf context '], /^vrf context (?<name>\S+)$/d, { platforms: NXOS }),
  ref(
    'vrf',
    ['vrf forwarding ', 'ip vrf forwarding ', 'vrf member '],
    /^(?:ip )?vrf (?:forwarding|member) (?<name>\S+)/d,
    {
      level: 'nested',
    },
  ),
  ref(
    'vrf',
    ['address-family '],
    /^address-family (?:ipv4|ipv6)(?: (?:unicast|multicast))? vrf (?<name>\S+)$/d,
    {
      level: 'nested',
    },
  ),
  ref('vrf', ['vrf '], /^vrf (?<name>\S+)$/d, { parent: ['router '] }),
  ref('vrf', ['ip route vrf ', 'ipv6 route vrf '], /^ip(?:v6)? route vrf (?<name>\S+) /d),
  ref('vrf', VRF_AWARE_SERVICES, /(?:^| )(?:use-)?vrf (?<name>\S+)/d),

  // Key chains.
  def('key-chain', ['key chain '], /^key chain (?<name>\S+)/d),
  refAnywhere('key-chain', 'key-chain ', /(?:^| )key-chain (?:eigrp \S+ )?(?<name>\S+)/d),

  // Interfaces: abbreviations are resolved (Gi0/1 is GigabitEthernet0/1), `channel-group N` means Port-channelN.
  def('interface', ['interface '], iface('^interface (?!range )IFACE(?: (?:point-to-point|multipoint))?$'), {
    resolve: asInterface,
  }),
  refAnywhere(
    'interface',
    'source-interface ',
    iface('(?:^| )source-interface (?:(?:informs|traps|ipv4|ipv6) )?IFACE'),
    { resolve: asInterface },
  ),
  ref(
    'interface',
    ['ntp source ', 'snmp-server trap-source ', 'tunnel source ', 'ip flow-export source '],
    iface('^(?:ntp source|snmp-server trap-source|tunnel source|ip flow-export source) IFACE$'),
    { resolve: asInterface },
  ),
  refAnywhere('interface', 'update-source ', iface('(?:^| )update-source IFACE$'), { resolve: asInterface }),
  ref('interface', ['ip unnumbered ', 'ipv6 unnumbered '], iface('^ip(?:v6)? unnumbered IFACE'), {
    resolve: asInterface,
  }),
  ref('interface', ['channel-group '], /^channel-group (?<name>\d+)(?: |$)/d, {
    level: 'nested',
    resolve: asPortChannel,
  }),
  ref(
    'interface',
    ['passive-interface ', 'no passive-interface '],
    iface('^(?:no )?passive-interface (?!default$)IFACE$'),
    { level: 'nested', resolve: asInterface },
  ),
  ref('interface', ['track ', 'ip nat '], iface(' interface IFACE'), { resolve: asInterface }),
  ref('interface', ['standby '], iface('^standby (?:\\d+ )?track IFACE'), { resolve: asInterface }),

  // BGP peer templates (IOS `template peer-policy X` / `inherit peer-policy X 10`, NX-OS `template peer X`).
  def('bgp-template', ['template '], /^template (?<ns>peer-policy|peer-session|peer) (?<name>\S+)$/d, {
    level: 'nested',
    parent: ['router bgp '],
  }),
  refAnywhere(
    'bgp-template',
    'inherit ',
    /(?:^| )inherit (?<ns>peer-policy|peer-session|peer) (?<name>\S+)/d,
    {
      level: 'nested',
    },
  ),
];
