/**
 * Interface names as a lookup key. Cisco CLIs accept any unambiguous prefix of an interface type
 * (`Gi0/1`, `gig0/1`, `GigabitEthernet0/1`) and print types in different cases per platform
 * (`Port-channel10` on IOS, `port-channel10` on NX-OS), so references and definitions only meet
 * once both sides are reduced to one canonical form: the full type in lower case, then the number.
 *
 * Pure: no LSP, no Node, so that it can move into the engine as it is.
 */

/**
 * Full type names, in the order a prefix is resolved: the first type that starts with the
 * abbreviation wins. The order encodes Cisco's own short forms, e.g. `Te` is TenGigabitEthernet
 * (before Tunnel), `Tw` is TwoGigabitEthernet and `Twe` TwentyFiveGigE, `Fo` FortyGigabitEthernet
 * (after FastEthernet, which owns `F` and `Fa`), `Vi` Virtual-Template (after Vlan, which owns `V`).
 */
const INTERFACE_TYPES: readonly string[] = [
  'GigabitEthernet',
  'FastEthernet',
  'TenGigabitEthernet',
  'Ethernet',
  'Port-channel',
  'Loopback',
  'Vlan',
  'Tunnel',
  'Serial',
  'mgmt',
  'TwoGigabitEthernet',
  'TwentyFiveGigE',
  'FortyGigabitEthernet',
  'FiftyGigE',
  'HundredGigE',
  'HundredGigabitEthernet',
  'FourHundredGigE',
  'AppGigabitEthernet',
  'FiveGigabitEthernet',
  'Virtual-Template',
  'Virtual-Access',
  'Dialer',
  'Multilink',
  'BDI',
  'nve',
  'Null',
  'Cellular',
  'Async',
  'BVI',
  'Bundle-Ether',
];

const LOWER_TYPES = INTERFACE_TYPES.map((t) => t.toLowerCase());

/** Type letters (and `-`), then what identifies the port: slot/port, subinterface, channel number. */
const INTERFACE_NAME = /^([A-Za-z][A-Za-z-]*?)-?\s?(\d[\d/.:]*)$/;

export interface InterfaceName {
  /** E.g. `GigabitEthernet` for `Gi0/1`, or the type as written when it is not a known one. */
  readonly type: string;
  /** E.g. `0/1`. */
  readonly number: string;
  /** Lower-case full type + number, e.g. `gigabitethernet0/1`: the lookup key. */
  readonly key: string;
  /** Full type + number, e.g. `GigabitEthernet0/1`: for messages and symbols. */
  readonly display: string;
}

/**
 * Splits and expands `name`; undefined when it does not look like an interface at all (no type
 * letters followed by a port number), e.g. an IP address or a keyword.
 */
export function parseInterfaceName(name: string): InterfaceName | undefined {
  const match = INTERFACE_NAME.exec(name);
  if (match === null) return undefined;
  const written = match[1];
  const number = match[2];
  const lower = written.toLowerCase();
  const index = LOWER_TYPES.findIndex((t) => t.startsWith(lower));
  const type = index >= 0 ? INTERFACE_TYPES[index] : written;
  return { type, number, key: `${type.toLowerCase()}${number}`, display: `${type}${number}` };
}

/** The canonical key of an interface name, or undefined when `name` is not an interface name. */
export function interfaceKey(name: string): string | undefined {
  return parseInterfaceName(name)?.key;
}

/** `channel-group 10` on a member port means the bundle `Port-channel10`. */
export function portChannelKey(channelNumber: string): string | undefined {
  return /^\d+$/.test(channelNumber) ? `port-channel${channelNumber}` : undefined;
}
