/**
 * Rules IOS and NX-OS share: the named objects that order a script (PLATFORM-RULES.md item 9) and the
 * lines that can cut the operator off (PRODUCT.md, risk flags). Data only.
 */
import type { MatchRule, ObjectRule, RiskRule } from './types';

/** Matches any line: for "every line below this section". */
const ANY: MatchRule = {};

/**
 * Objects a script creates before their users and removes after them. `define` runs on top-level
 * lines, `references` on every line (group 1 is the object's name).
 */
export const CISCO_OBJECTS: readonly ObjectRule[] = [
  {
    kind: 'acl',
    define: [
      '^ip access-list (?:standard |extended |role-based )?(\\S+)$',
      '^ipv6 access-list (\\S+)$',
      '^mac access-list (\\S+)$',
      '^access-list (\\S+) ',
      // Renumbering a list changes it: it goes with the list's edit, before the list's users.
      '^ip access-list resequence (\\S+) \\d+ \\d+$',
      '^resequence (?:ip|ipv6|mac) access-list (\\S+) \\d+ \\d+$',
    ],
    references: [
      '^ip access-group (\\S+)(?: (?:in|out))?$',
      '^ipv6 (?:traffic-filter|port traffic-filter) (\\S+) (?:in|out)$',
      '^(?:ipv6 )?access-class (\\S+)',
      '^match (?:ip |ipv6 )?address (?!prefix-list )(\\S+)$',
      '^match access-group name (\\S+)$',
      '^match access-group (\\d+)$',
      '^snmp-server community \\S+(?: view \\S+)? (?:RO|RW|ro|rw|use-acl) (\\S+)$',
      '^ip nat inside source list (\\S+) ',
      '^distribute-list (\\S+) (?:in|out)',
      '^ntp access-group (?:peer|serve|serve-only|query-only) (\\S+)$',
      '^mac access-group (\\S+) ',
    ],
  },
  {
    kind: 'prefix-list',
    define: ['^ip prefix-list (\\S+) ', '^ipv6 prefix-list (\\S+) '],
    references: [
      '^match (?:ip|ipv6) address prefix-list (\\S+)',
      '^neighbor \\S+ prefix-list (\\S+) (?:in|out)$',
      '^prefix-list (\\S+) (?:in|out)$',
      '^distribute-list prefix(?:-list)? (\\S+) (?:in|out)',
    ],
  },
  {
    kind: 'route-map',
    define: ['^route-map (\\S+)'],
    references: [
      '^(?!route-map )\\S.* route-map (\\S+)',
      '^route-map (\\S+) (?:in|out)$',
      '^ip policy route-map (\\S+)$',
    ],
  },
  {
    kind: 'class-map',
    define: ['^class-map (?:type \\S+ )?(?:match-any |match-all |match-first )?(\\S+)$'],
    references: ['^class (?:type \\S+ )?(?!class-default$)(\\S+)$'],
  },
  {
    kind: 'policy-map',
    define: ['^policy-map (?:type \\S+ )?(\\S+)$'],
    references: ['^service-policy (?:type \\S+ )?(?:input |output )?(\\S+)$'],
  },
  {
    kind: 'vrf',
    define: ['^vrf definition (\\S+)$', '^ip vrf (\\S+)$', '^vrf context (\\S+)$'],
    references: [
      '^(?:ip )?vrf forwarding (\\S+)',
      '^vrf member (\\S+)$',
      '^address-family \\S+ vrf (\\S+)$',
      '^vrf (?!definition |context |member |forwarding )(\\S+)$',
      '^ip route vrf (\\S+) ',
      '^ipv6 route vrf (\\S+) ',
    ],
  },
  // Device-true (lock-out): the servers and groups that logins depend on are created before the
  // method lists that use them and removed after them.
  {
    kind: 'aaa-server',
    define: ['^tacacs server (\\S+)$', '^radius server (\\S+)$'],
    references: ['^server name (\\S+)$'],
  },
  {
    kind: 'aaa-group',
    define: ['^aaa group server (?:tacacs\\+|radius) (\\S+)$'],
    references: ['^aaa (?:authentication|authorization|accounting) .* group (?!server )(\\S+)'],
  },
  {
    kind: 'object-group',
    define: ['^object-group (?:network|service|ip address|ip port|ipv6 address) (\\S+)$'],
    references: [' (?:object-group|addrgroup|portgroup) (\\S+)'],
  },
];

export const CISCO_RISKS: readonly RiskRule[] = [
  {
    kind: 'management-address',
    lineage: [{ startswith: 'interface ' }, { re_search: '^(?:no )?ip(?:v6)? address ' }],
    whenManagementInterface: true,
  },
  { kind: 'management-address', lineage: [{ startswith: 'no interface ' }], whenManagementInterface: true },
  {
    kind: 'management-address',
    lineage: [{ startswith: 'default interface ' }],
    whenManagementInterface: true,
  },
  { kind: 'routing-removal', lineage: [{ startswith: 'no router ' }] },
  {
    kind: 'vty-access',
    lineage: [{ startswith: 'line vty' }, { re_search: '^(?:no )?(?:ipv6 )?access-class ' }],
  },
  { kind: 'vty-access', lineage: [{ startswith: 'line vty' }, { re_search: '^(?:no )?transport input' }] },
  { kind: 'vty-access', lineage: [{ startswith: 'no line vty' }] },
  { kind: 'aaa', lineage: [{ re_search: '^(?:no )?aaa ' }] },
  { kind: 'aaa', lineage: [{ startswith: 'aaa ' }, ANY] },
  { kind: 'aaa', lineage: [{ startswith: 'aaa ' }, ANY, ANY] },
  {
    kind: 'interface-shutdown',
    lineage: [{ startswith: 'interface ' }, { equals: 'shutdown' }],
    whenUpInRunning: true,
  },
];
