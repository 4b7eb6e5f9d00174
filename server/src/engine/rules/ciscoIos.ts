/**
 * Cisco IOS / IOS-XE, as data (PLATFORM-RULES.md, "Cisco IOS rules" and "Where we must be better").
 * Rules that are ours rather than hier_config's say so in a comment.
 */
import { IOS_CANONICAL } from './ciscoCanonical';
import { CISCO_OBJECTS, CISCO_RISKS } from './ciscoCommon';
import { IOS_CONFIRMATION_PROMPTS } from './confirmationPrompts';
import type { PlatformDriver } from './types';

const INTERFACE = { startswith: 'interface ' };
const ROUTER_BGP = { startswith: 'router bgp' };
const CERTIFICATE_CHAIN = { startswith: ['crypto pki certificate chain ', 'crypto ca certificate chain '] };
/** Banner types IOS knows; a banner without a type is the motd. */
const BANNER_KEY = '^banner (?:(motd|login|exec|incoming|slip-ppp|prompt-timeout|config-save) )?\\^C';

export const CISCO_IOS: PlatformDriver = {
  platform: 'cisco_ios',
  indentation: 1,

  negateWith: [{ lineage: [{ startswith: 'logging console ' }], use: 'logging console debugging' }],

  negationDefaultWhen: [],

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
    { lineage: [INTERFACE, { startswith: 'switchport mode ' }], weight: -10 },
    { lineage: [INTERFACE, { startswith: 'no shutdown' }], weight: 200 },
    { lineage: [{ startswith: 'no vlan filter' }], weight: 200 },
    { lineage: [{ startswith: 'aaa group server tacacs+ ' }, { startswith: 'no server ' }], weight: 10 },
    { lineage: [{ startswith: 'no tacacs-server ' }], weight: 10 },
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
  ],

  objects: CISCO_OBJECTS,
  risks: [...CISCO_RISKS, ...IOS_CONFIRMATION_PROMPTS],

  // Issue 9, canonical comparison: interface abbreviations, VLAN lists (ciscoCanonical.ts).
  canonical: IOS_CANONICAL,
};
