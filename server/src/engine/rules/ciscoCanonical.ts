/**
 * Canonical comparison data for IOS and NX-OS (issue 9; applied by canonical.ts, documented in
 * docs/canonical-comparison.md). Data only: which interface types each platform has and how short
 * their names may be typed, and where lines hold interface names, VLAN lists and masks.
 */
import type { CanonicalPattern, CanonicalRules, InterfaceType } from './types';

/** An interface name as captured: `Gi1/0/1`, or `GigabitEthernet 1/0/1` as the CLI also takes it. */
const NAME = '(\\S+(?: \\d[\\d/.:]*)?)';
/** The name ends the line or is followed by another word (`vrf X`, `overload`, `line-protocol`). */
const ENDS = '(?= |$)';
/** `10,11,12`, `10-12`, `10, 11 - 12`: numbers joined by commas and dashes, blanks allowed around them. */
const VLANS = '(\\d+(?: ?[,-] ?\\d+)*)';

/**
 * Places a line names an interface, on both platforms. Only these positions are read: a word that
 * merely looks like an interface elsewhere (a route-map named `Gi1`) is never touched.
 */
const INTERFACE_REFERENCES: readonly CanonicalPattern[] = [
  // The section header; `no interface X` and `default interface X` too (the `no`/`default` is set aside).
  { re: `^interface ${NAME}$` },
  { re: `^passive-interface ${NAME}$` },
  { re: `^ip unnumbered ${NAME}${ENDS}` },
  { re: `^ipv6 unnumbered ${NAME}${ENDS}` },
  // `tunnel source` takes an address or an interface; an address is not a name and stays.
  { re: `^tunnel source ${NAME}$` },
  { re: `^ntp source ${NAME}$` },
  { re: `^snmp-server trap-source ${NAME}$` },
  { re: `^ip flow-export source ${NAME}$` },
  // `ip route [vrf V] PREFIX [MASK] IFACE [NEXT-HOP] ...` (IOS mask form, NX-OS /len form): the word
  // after the destination, when it starts with a letter. A next hop or `name X` is not a name.
  { re: '^ip route (?:vrf \\S+ )?\\S+ (?:\\d\\S* )?([A-Za-z]\\S*)' },
  { re: '^ipv6 route (?:vrf \\S+ )?\\S+ ([A-Za-z]\\S*)' },
  // `ip ssh|tacacs|radius|tftp|http client|domain lookup source-interface X`, `logging source-interface
  // X`, `snmp-server source-interface traps X`, NX-OS `ntp source-interface X`, nve `source-interface X`.
  { contains: 'source-interface ', re: `(?:^| )source-interface (?:(?:traps|informs) )?${NAME}${ENDS}` },
  { contains: 'update-source ', re: `(?:^| )update-source ${NAME}${ENDS}` },
  // `track 1 interface X line-protocol`, `ip nat inside source list 1 interface X overload`,
  // `monitor session 1 source interface X`.
  { contains: ' interface ', re: ` interface ${NAME}${ENDS}` },
];

/** Lines that are free text after their first words: never read for interface names. */
const FREE_TEXT: readonly string[] = [
  'description',
  'remark',
  'name',
  'alias',
  'banner',
  'snmp-server location',
  'snmp-server contact',
];

/** Places a line holds a set of VLANs, where order, repeats and range spelling do not matter. */
const VLAN_LISTS: readonly CanonicalPattern[] = [
  { re: `^switchport trunk allowed vlan (?:add |remove |except )?${VLANS}$` },
  { re: `^switchport trunk pruning vlan (?:add |remove |except )?${VLANS}$` },
  { re: `^spanning-tree vlan ${VLANS}(?= [a-z]|$)` },
  // A top-level list the loader could not split (longer than its budget) is still one set.
  { re: `^vlan ${VLANS}$` },
  { re: `^private-vlan association (?:add |remove )?${VLANS}$` },
];

/**
 * IOS / IOS-XE interface types. `shortest` is the abbreviation `show` output uses, which the CLI takes;
 * shorter prefixes are left alone even where one device would take them (`g0/1`): a type a platform
 * adds later must not silently swallow them. `Tw` is TwoGigabitEthernet, `Twe` TwentyFiveGigE; `Fo`
 * FortyGigabitEthernet, `Fou` FourHundredGigE; `Fi` FiveGigabitEthernet, `Fif` FiftyGigE (Catalyst
 * 9500/9600). `Ethernet` is a type of its own, never GigabitEthernet.
 *
 * Where `show` prints a short form that is not a prefix of the name, or one that other types share on
 * some images, `shortest` is the shortest prefix no other IOS type shares, so that nothing is merged
 * that a device might keep apart: `Vi` (Virtual-Access in `show` output) is also a prefix of
 * Virtual-Template, Virtual-PPP and VirtualPortGroup, hence `Virtual-A`; Virtual-Template (`Vt` in
 * `show`, not a prefix) is `Virtual-Te` because of Virtual-TokenRing; Cellular is `Cel` because `Ce`
 * is also CEM (circuit emulation, on the same ISR modules). `nve` (IOS-XE VXLAN) is printed in full.
 *
 * Not confirmed against Cisco documentation or a device, only against third-party interface-name
 * tables and captures: `Fif` (FiftyGigE), `As` (Async), `BV` (BVI), `Vi`/`Vt` as the `show` short forms.
 * None is shorter than what those sources print, and no other IOS type known here shares one.
 *
 * Left out on purpose: `Bundle-Ether` and `MgmtEth` (IOS-XR, not a platform here), and
 * `HundredGigabitEthernet` (no IOS, IOS-XE or NX-OS release found printing it: 100G ports are
 * `HundredGigE`, and a second type under `Hu` would make `Hu1/0/1` ambiguous).
 */
const IOS_TYPES: readonly InterfaceType[] = [
  { name: 'GigabitEthernet', shortest: 'Gi' },
  { name: 'FastEthernet', shortest: 'Fa' },
  { name: 'TenGigabitEthernet', shortest: 'Te' },
  { name: 'TwoGigabitEthernet', shortest: 'Tw' },
  { name: 'FiveGigabitEthernet', shortest: 'Fi' },
  { name: 'TwentyFiveGigE', shortest: 'Twe' },
  { name: 'FortyGigabitEthernet', shortest: 'Fo' },
  { name: 'FiftyGigE', shortest: 'Fif' },
  { name: 'HundredGigE', shortest: 'Hu' },
  { name: 'FourHundredGigE', shortest: 'Fou' },
  { name: 'AppGigabitEthernet', shortest: 'Ap' },
  { name: 'Ethernet', shortest: 'Et' },
  { name: 'Port-channel', shortest: 'Po' },
  { name: 'Loopback', shortest: 'Lo' },
  { name: 'Vlan', shortest: 'Vl' },
  { name: 'Tunnel', shortest: 'Tu' },
  { name: 'Serial', shortest: 'Se' },
  { name: 'Dialer', shortest: 'Di' },
  { name: 'Multilink', shortest: 'Mu' },
  { name: 'Virtual-Template', shortest: 'Virtual-Te' },
  { name: 'Virtual-Access', shortest: 'Virtual-A' },
  { name: 'Cellular', shortest: 'Cel' },
  { name: 'Async', shortest: 'As' },
  { name: 'BDI', shortest: 'BD' },
  { name: 'BVI', shortest: 'BV' },
  { name: 'nve', shortest: 'nve' },
  { name: 'Null', shortest: 'Nu' },
];

/**
 * NX-OS interface types, as NX-OS prints them (`Ethernet1/1`, `port-channel10`, `loopback0`, `Vlan10`,
 * `mgmt0`). Every port speed is `Ethernet`; NX-OS has no other type starting with `e`, so `e1/1` works.
 */
const NXOS_TYPES: readonly InterfaceType[] = [
  { name: 'Ethernet', shortest: 'e' },
  { name: 'port-channel', shortest: 'po' },
  { name: 'loopback', shortest: 'lo' },
  { name: 'Vlan', shortest: 'Vl' },
  { name: 'Tunnel', shortest: 'Tu' },
  { name: 'mgmt', shortest: 'mgmt' },
  { name: 'nve', shortest: 'nve' },
  { name: 'Null', shortest: 'Nu' },
];

/**
 * IOS prints interface addresses in mask form only (`ip address 10.0.0.1 255.255.255.0`): an IOS
 * `A.B.C.D/len` is compared as written (docs/canonical-comparison.md says why).
 */
export const IOS_CANONICAL: CanonicalRules = {
  interfaceTypes: IOS_TYPES,
  interfaceReferences: INTERFACE_REFERENCES,
  vlanLists: VLAN_LISTS,
  prefixLength: [],
  freeText: FREE_TEXT,
};

/**
 * NX-OS takes `ip address A.B.C.D M.M.M.M` and `ip address A.B.C.D/len` (with or without `secondary`)
 * and prints the second: both are the same line.
 */
export const NXOS_CANONICAL: CanonicalRules = {
  interfaceTypes: NXOS_TYPES,
  interfaceReferences: INTERFACE_REFERENCES,
  vlanLists: VLAN_LISTS,
  prefixLength: [{ re: '^ip address (\\d{1,3}(?:\\.\\d{1,3}){3}) (\\d{1,3}(?:\\.\\d{1,3}){3})(?= |$)' }],
  freeText: FREE_TEXT,
};
