/**
 * Interface names for the editor (go to definition, references, rename, undefined-interface
 * diagnostics): resolved with the same per-platform tables as the remediation's line keys
 * (ciscoCanonical.ts via interfaceTypes.ts), so that the editor calls two spellings one interface
 * exactly when the remediation treats them as one line. User rules cannot change these tables, so the
 * built-in drivers are the whole truth.
 *
 *   interfaceName('cisco_nxos', 'Eth1/1')  // { type: 'Ethernet', number: '1/1', display: 'Ethernet1/1', key: 'ethernet1/1' }
 *   interfaceName('cisco_ios', 'e1/1')     // { type: 'e', number: '1/1', display: 'e1/1', key: 'e1/1' }: too short on IOS
 */
import type { Platform } from '../model/types';
import { BUILT_IN_DRIVERS } from './drivers';
import { InterfaceTypes } from './interfaceTypes';

export interface InterfaceName {
  /** The type as the platform prints it (`GigabitEthernet` for `Gi0/1`), or as written when not resolved. */
  readonly type: string;
  /** As written after the type, e.g. `0/1`. */
  readonly number: string;
  /** What the remediation compares: `GigabitEthernet0/1`, or the name as written when not resolved. */
  readonly display: string;
  /**
   * The lookup key: the full type in lower case, then the number (`gigabitethernet0/1`,
   * `port-channel10` on both platforms). A name the platform's table does not resolve (an unknown
   * type, an abbreviation shorter than the table's or shared by two types) is its own key, exactly as
   * written, because the remediation compares it as written too: no merge the device might not make.
   */
  readonly key: string;
}

const byPlatform = new Map<Platform, InterfaceTypes>();

function typesOf(platform: Platform): InterfaceTypes {
  let types = byPlatform.get(platform);
  if (types === undefined) {
    types = new InterfaceTypes(BUILT_IN_DRIVERS[platform].canonical?.interfaceTypes ?? []);
    byPlatform.set(platform, types);
  }
  return types;
}

/**
 * `name` resolved on `platform`; undefined when it does not look like an interface name at all (an
 * address, a keyword, a number). `Loopback 0` (one blank, as the CLI takes it) is `Loopback0`.
 */
export function interfaceName(platform: Platform, name: string): InterfaceName | undefined {
  const parts = typesOf(platform).parts(name);
  if (parts === undefined) return undefined;
  const { type, number } = parts;
  if (!parts.resolved) return { type, number, display: name, key: name };
  return { type, number, display: type + number, key: type.toLowerCase() + number };
}
