/**
 * Cisco IOS / IOS-XE, as data (PLATFORM-RULES.md, "Cisco IOS rules" and "Where we must be better").
 * Rules that are ours rather than hier_config's say so in a comment.
 */
import { IOS_CANONICAL } from './ciscoCanonical';
import { CISCO_OBJECTS, CISCO_RISKS } from './ciscoCommon';
import { IOS_CONFIRMATION_PROMPTS } from './confirmationPrompts';
import {
  AAA_METHOD_LIST,
  ADD_BEFORE_REMOVE,
  CISCO_SECRETS,
  MASKED_TOKENS,
  SWITCHPORT_CASCADES,
  SWITCHPORT_FIRST,
  TRUNK_VLANS,
  VLAN_1,
} from './ciscoDevice';
import type { MatchRule, PlatformDriver } from './types';

const INTERFACE = { startswith: 'interface ' };
const ROUTER_BGP = { startswith: 'router bgp' };
/** A BGP neighbor by address (a peer-group's name is not one: removing its AS keeps the group). */
const NO_NEIGHBOR_REMOTE_AS: MatchRule = {
  re_search: '^no neighbor ((?:\\d+\\.){3}\\d+|[0-9A-Fa-f]*:[0-9A-Fa-f:.]*) remote-as ',
};
const NEIGHBOR_LINES: MatchRule = { re_search: '^neighbor $1 ' };
/** The address families a global neighbor or peer group has lines in (not the VRF ones: other neighbors). */
const GLOBAL_AF: MatchRule = { re_search: '^address-family (?!.* vrf )' };
/**
 * BGP peer groups (Cisco IOS IP Command Reference, Vol. 2: Routing Protocols, Release 12.2, "neighbor
 * peer-group (creating)": "To remove the peer group and all of its members, use the no form of this
 * command"; the same chapter: members "always inherit ... remote-as (if configured)").
 * - `no neighbor PG peer-group` removes the group's lines and every member's lines (the members are the
 *   `neighbor X peer-group PG` lines the device holds), address families included.
 * - `no neighbor X peer-group PG` on a member without a `remote-as` of its own (it had the group's)
 *   leaves a neighbor without an AS: it is removed with all its lines. Not found in Cisco's documents;
 *   FRRouting, which copies the IOS CLI, does so (FRRouting/frr pull request 1757, "no neighbor ...
 *   peer-group ... does not remove peer", fixed to remove it). A member with its own `remote-as` only
 *   leaves the group.
 * - Not verified, and not relied on: whether IOS takes `neighbor X peer-group B` while X is in group A
 *   (FRRouting refuses: "Cannot change the peer-group"); the script leaves A first either way.
 * - Not modelled: `no neighbor PG remote-as N` while members use the group's AS (FRRouting removes the
 *   members, IOS unknown), and what joining a group does to a neighbor's own outbound policy lines.
 */
const PEER_GROUP_REMOVAL: MatchRule = { re_search: '^no neighbor (\\S+) peer-group$' };
const MEMBER_LEAVES: MatchRule = { re_search: '^no neighbor (\\S+) peer-group \\S+$' };
const PEER_GROUP_MEMBERS = { line: '^neighbor (\\S+) peer-group $1$', lines: '^neighbor (\\S+) ' };
const OWN_REMOTE_AS: MatchRule = { re_search: '^neighbor $1 remote-as ' };
/** A peer group's lines: `neighbor NAME ...` where NAME is not an address (a neighbor's is). */
const PEER_GROUP_LINE: MatchRule = {
  re_search: '^neighbor (?!(?:\\d+\\.){3}\\d+ |[0-9A-Fa-f]*:[0-9A-Fa-f:.]* )\\S+ ',
};
/** Ports that always exist: reset with `default interface`, printed however bare. Not subinterfaces. */
const PHYSICAL_INTERFACE: MatchRule = {
  re_search:
    '^interface (?:Ethernet|FastEthernet|GigabitEthernet|TwoGigabitEthernet|FiveGigabitEthernet|' +
    'TenGigabitEthernet|TwentyFiveGigE|FortyGigabitEthernet|HundredGigE|FourHundredGigE|AppGigabitEthernet|' +
    'Serial|POS|Cellular)\\d+(?:/\\d+)*$',
};
const CERTIFICATE_CHAIN = { startswith: ['crypto pki certificate chain ', 'crypto ca certificate chain '] };
/** Banner types IOS knows; a banner without a type is the motd. */
const BANNER_KEY = '^banner (?:(motd|login|exec|incoming|slip-ppp|prompt-timeout|config-save) )?\\^C';

export const CISCO_IOS: PlatformDriver = {
  platform: 'cisco_ios',
  indentation: 1,

  negateWith: [{ lineage: [{ startswith: 'logging console ' }], use: 'logging console debugging' }],

  negationDefaultWhen: [
    // Device-true: a physical port cannot be removed; `default interface X` resets it.
    { lineage: [PHYSICAL_INTERFACE] },
  ],

  negationSub: [
    // Ours (item 1): a banner is removed by its type, never by sending its body as commands.
    {
      lineage: [{ startswith: 'banner ' }],
      search: '^(no banner(?: [a-z-]+)?) \\^C[\\s\\S]*$',
      replace: '$1',
    },
    // Ours (item 5): a certificate is one unit, removed by its header.
    {
      lineage: [CERTIFICATE_CHAIN, { startswith: 'certificate ' }],
      search: '^(no certificate (?:(?:self-signed|ca|rollover) )?\\S+) \\S+$',
      replace: '$1',
    },
  ],

  idempotent: [
    { lineage: [{ startswith: 'vlan ' }, { startswith: 'name ' }] },
    { lineage: [INTERFACE, { startswith: 'description ' }] },
    { lineage: [INTERFACE, { startswith: 'ip address ' }] },
    { lineage: [INTERFACE, { startswith: 'switchport mode ' }] },
    { lineage: [INTERFACE, { startswith: 'authentication host-mode ' }] },
    { lineage: [INTERFACE, { startswith: 'authentication event server dead action authorize vlan ' }] },
    { lineage: [{ startswith: 'errdisable recovery interval ' }] },
    { lineage: [{ re_search: '^(no )?logging console.*' }] },
    // Ours (item 6): one hostname, one banner per type, one description per BGP neighbor, one
    // access-group per direction (IPv4 and IPv6): overwritten, never negated first.
    { lineage: [{ startswith: 'hostname ' }] },
    { lineage: [{ re_search: BANNER_KEY }] },
    { lineage: [ROUTER_BGP, { re_search: '^neighbor (\\S+) description ' }] },
    { lineage: [INTERFACE, { re_search: '^ip access-group \\S+ (in|out)$' }] },
    { lineage: [INTERFACE, { re_search: '^ipv6 traffic-filter \\S+ (in|out)$' }] },
    // Device-true: one value each, overwritten. Negating first is a window without the setting (item 8:
    // `snmp-server location`); for a VRF, the neighbor's AS, vty access and aaa it is a lock-out.
    { lineage: [{ startswith: 'snmp-server location ' }] },
    { lineage: [{ startswith: 'snmp-server contact ' }] },
    { lineage: [{ startswith: 'ip default-gateway ' }] },
    { lineage: [INTERFACE, { startswith: ['vrf forwarding ', 'ip vrf forwarding '] }] },
    { lineage: [ROUTER_BGP, { re_search: '^neighbor (\\S+) remote-as ' }] },
    {
      lineage: [ROUTER_BGP, { startswith: 'address-family ' }, { re_search: '^neighbor (\\S+) remote-as ' }],
    },
    { lineage: [{ startswith: 'line vty ' }, { re_search: '^access-class \\S+ (in|out)(?: vrf-also)?$' }] },
    { lineage: [{ startswith: 'line vty ' }, { re_search: '^ipv6 access-class \\S+ (in|out)$' }] },
    AAA_METHOD_LIST,
  ],

  idempotentAvoid: [
    // Ours (item 6): each secondary address is its own line; only the primary is overwritten.
    { lineage: [INTERFACE, { re_search: '^ip address \\S+ \\S+ secondary' }] },
  ],

  sectionalExiting: [
    {
      lineage: [ROUTER_BGP, { startswith: 'template peer-policy' }],
      exit: 'exit-peer-policy',
      atHeaderLevel: true,
    },
    {
      lineage: [ROUTER_BGP, { startswith: 'template peer-session' }],
      exit: 'exit-peer-session',
      atHeaderLevel: true,
    },
    {
      lineage: [ROUTER_BGP, { startswith: 'address-family' }],
      exit: 'exit-address-family',
      atHeaderLevel: true,
    },
    // Ours: IOS prints the same token for a VRF definition's address family.
    {
      lineage: [{ startswith: 'vrf definition ' }, { startswith: 'address-family' }],
      exit: 'exit-address-family',
      atHeaderLevel: true,
    },
  ],

  ordering: [
    SWITCHPORT_FIRST,
    { lineage: [INTERFACE, { startswith: 'switchport mode ' }], weight: -10 },
    { lineage: [INTERFACE, { startswith: 'no shutdown' }], weight: 200 },
    { lineage: [{ startswith: 'no vlan filter' }], weight: 200 },
    { lineage: [{ startswith: 'aaa group server tacacs+ ' }, { startswith: 'no server ' }], weight: 10 },
    { lineage: [{ startswith: 'no tacacs-server ' }], weight: 10 },
    // Device-true: a peer group exists, with its AS, before a neighbor joins it (a member without an
    // AS of its own takes the group's), in a VRF address family too; `neighbor PG peer-group` comes
    // first among the group's lines as the device prints them.
    { lineage: [ROUTER_BGP, PEER_GROUP_LINE], weight: -15 },
    { lineage: [ROUTER_BGP, { startswith: 'address-family ' }, PEER_GROUP_LINE], weight: -15 },
  ],

  perLineSub: [
    // The parser already keeps these out of the tree (as trivia); stated so the driver lists every rule.
    { scope: 'top-level', search: '^Building configuration.*', replace: '' },
    { scope: 'top-level', search: '^Current configuration.*', replace: '' },
    { scope: 'top-level', search: '^! Last configuration change.*', replace: '' },
    { scope: 'top-level', search: '^! NVRAM config last updated.*', replace: '' },
    { scope: 'top-level', search: '^ntp clock-period .*', replace: '' },
    { scope: 'top-level', search: '^version .*', replace: '' },
    { scope: 'top-level', search: '^end$', replace: '' },
    { scope: 'any', search: '^[#!].*', replace: '' },
    // These the parser keeps: they are configuration text the device prints but takes no action on.
    { scope: 'top-level', search: '^crypto key generate rsa.*', replace: '' },
    { lineage: [INTERFACE, { equals: 'logging event link-status' }], search: '.*', replace: '' },
    { lineage: [INTERFACE, { equals: 'logging event subif-link-status' }], search: '.*', replace: '' },
    { scope: 'nested', search: '^ipv6 unreachables disable$', replace: '' },
    // Item 4: at any indentation (hier_config only sees it at one space).
    { scope: 'nested', search: '^no ip address$', replace: '' },
    // Post-load, as line rewrites: ACL remarks dropped, IPv6 ACL `sequence N` prefixes dropped.
    { lineage: [{ startswith: 'ip access-list ' }, { startswith: 'remark' }], search: '.*', replace: '' },
    {
      lineage: [{ startswith: 'ipv6 access-list ' }, { re_search: '^sequence \\d+ ' }],
      search: '^sequence \\d+ ',
      replace: '',
    },
  ],

  parentAllowsDuplicateChild: [{ lineage: [{ startswith: 'router ' }, { startswith: 'address-family ' }] }],

  postLoad: [
    {
      kind: 'number-entries',
      section: { startswith: 'ip access-list ' },
      entries: ['permit ', 'deny '],
      start: 10,
      step: 10,
    },
    { kind: 'split-list', prefix: 'vlan ', max: 4094 },
    // Device-true: `line vty 0 4` + `line vty 5 15` with the same lines are `line vty 0 15`.
    { kind: 'merge-ranges', prefix: 'line vty ' },
  ],

  objects: CISCO_OBJECTS,
  risks: [...CISCO_RISKS, ...IOS_CONFIRMATION_PROMPTS],

  // Issue 9, canonical comparison: interface abbreviations, VLAN lists (ciscoCanonical.ts).
  canonical: IOS_CANONICAL,

  cascades: [
    // `vrf forwarding` (set, changed or removed) removes the port's IPv4 and IPv6 addresses.
    {
      lineage: [
        INTERFACE,
        {
          startswith: [
            'vrf forwarding ',
            'ip vrf forwarding ',
            'no vrf forwarding ',
            'no ip vrf forwarding ',
          ],
        },
      ],
      wipes: [[{ re_search: '^(?:ip address |ip unnumbered |ipv6 address |ipv6 enable$)' }]],
    },
    ...SWITCHPORT_CASCADES,
    // `no neighbor X remote-as N` removes every line of neighbor X, in the address families too (not
    // in the VRF ones, where X is another neighbor).
    {
      lineage: [ROUTER_BGP, NO_NEIGHBOR_REMOTE_AS],
      wipes: [[NEIGHBOR_LINES], [GLOBAL_AF, NEIGHBOR_LINES]],
    },
    {
      lineage: [ROUTER_BGP, { startswith: 'address-family ' }, NO_NEIGHBOR_REMOTE_AS],
      wipes: [[NEIGHBOR_LINES]],
    },
    // `no neighbor PG peer-group` removes the group and its members (see PEER_GROUP_REMOVAL); a group
    // defined in a VRF address family, with its members there.
    {
      lineage: [ROUTER_BGP, PEER_GROUP_REMOVAL],
      wipes: [[NEIGHBOR_LINES], [GLOBAL_AF, NEIGHBOR_LINES]],
      members: { ...PEER_GROUP_MEMBERS, sections: GLOBAL_AF },
    },
    {
      lineage: [ROUTER_BGP, { startswith: 'address-family ' }, PEER_GROUP_REMOVAL],
      wipes: [[NEIGHBOR_LINES]],
      members: PEER_GROUP_MEMBERS,
    },
    // A member leaving its group without an AS of its own goes whole.
    {
      lineage: [ROUTER_BGP, MEMBER_LEAVES],
      wipes: [[NEIGHBOR_LINES], [GLOBAL_AF, NEIGHBOR_LINES]],
      unless: OWN_REMOTE_AS,
    },
    {
      lineage: [ROUTER_BGP, { startswith: 'address-family ' }, MEMBER_LEAVES],
      wipes: [[NEIGHBOR_LINES]],
      unless: OWN_REMOTE_AS,
    },
  ],
  features: [],
  sequenced: [
    {
      lineage: [{ re_search: '^ip access-list (?:standard |extended )\\S+$' }],
      name: '^ip access-list (?:standard |extended )(\\S+)$',
      resequence: 'ip access-list resequence {name} {start} {step}',
    },
  ],
  numberedLists: [
    {
      line: '^access-list (\\d+) (.+)$',
      sections: [
        { from: 1, to: 99, header: 'ip access-list standard {n}' },
        { from: 1300, to: 1999, header: 'ip access-list standard {n}' },
        { from: 100, to: 199, header: 'ip access-list extended {n}' },
        { from: 2000, to: 2699, header: 'ip access-list extended {n}' },
      ],
      resequence: 'ip access-list resequence {name} {start} {step}',
      unnumbered: ['remark '],
    },
  ],
  vlanSets: TRUNK_VLANS,
  addBeforeRemove: ADD_BEFORE_REMOVE,
  printedDefaults: [
    { lineage: [PHYSICAL_INTERFACE], whenEmpty: true },
    VLAN_1,
    // The console and the first five vty lines always exist: reset by negating their lines.
    { lineage: [{ re_search: '^line (?:con|aux) 0$' }], resetChildren: true },
    { lineage: [{ re_search: '^line vty 0(?: \\d+)?$' }], resetChildren: true },
  ],
  secrets: [
    ...CISCO_SECRETS,
    {
      lineage: [ROUTER_BGP, { re_search: '^neighbor \\S+ password ' }],
      value: '^neighbor \\S+ password ((?:\\d+ )?\\S+)$',
    },
    {
      lineage: [INTERFACE, { re_search: '^standby \\d+ authentication ' }],
      value: '^standby \\d+ authentication (?:md5 key-string )?((?:\\d+ )?\\S+)$',
    },
  ],
  maskedTokens: MASKED_TOKENS,
};
