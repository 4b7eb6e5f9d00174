/**
 * One platform's interface types as an abbreviation index: which written types (`gi`, `Gig`,
 * `GIGABITETHERNET`) are which printed type (`GigabitEthernet`). The one place an interface name is
 * resolved: the line keys of remediation (canonical.ts) and the editor's named objects (interfaceNames.ts)
 * both ask here, so they can never disagree on whether two spellings are one interface.
 */
import type { InterfaceType } from './types';

/** Slot/port, then an optional subinterface and channel: `1/0/1`, `0/0.100`, `0/0/0:0`. */
const PORT_NUMBER = /^\d+(?:\/\d+)*(?:\.\d+)?(?::\d+)?$/;
/** What a port may look like at all (the editor's notion of "an interface name"), valid or not. */
const PORT_LIKE = /^\d[\d/.:]*$/;

/** An interface name split into its type and its number. */
export interface InterfaceParts {
  /** The type as the platform prints it (`GigabitEthernet`), or as written when it is not resolved. */
  readonly type: string;
  /** As written after the type (and its optional blank): `1/0/1`. */
  readonly number: string;
  /**
   * The type is one of the platform's, written as a prefix at least as long as its shortest
   * abbreviation, and the number is a valid port. Otherwise the name is compared as written.
   */
  readonly resolved: boolean;
}

export class InterfaceTypes {
  /** Lower-case abbreviation → the type as printed (`gi`, `gig`, ... → `GigabitEthernet`). */
  private readonly types = new Map<string, string>();
  private readonly printed = new Set<string>();

  constructor(interfaceTypes: readonly InterfaceType[]) {
    const ambiguous = new Set<string>();
    for (const { name, shortest } of interfaceTypes) {
      this.printed.add(name);
      for (let n = shortest.length; n <= name.length; n++) {
        const abbreviation = name.slice(0, n).toLowerCase();
        const other = this.types.get(abbreviation);
        if (other !== undefined && other !== name) ambiguous.add(abbreviation);
        else this.types.set(abbreviation, name);
      }
    }
    // Two types sharing an abbreviation (a table mistake): the device would refuse it, so must we.
    for (const a of ambiguous) this.types.delete(a);
  }

  /**
   * `Gi1/0/1`, `gi 1/0/1`, `GIGABITETHERNET1/0/1` → `GigabitEthernet1/0/1`: the type as the platform
   * prints it, then the port. A name whose type is not a known abbreviation (or is ambiguous) stays as
   * written, so a false merge is impossible: `Gi1/0/1` never meets `Gi1/0/10`, IOS `Ethernet1/1` never
   * meets `GigabitEthernet1/1`. A trailing ` <word>` after a full name is kept (`Gi0/0 2222`).
   */
  canonical(name: string): string {
    const space = name.indexOf(' ');
    if (space > 0 && /\d/.test(name.slice(0, space)))
      return this.canonical(name.slice(0, space)) + name.slice(space);
    const i = typeLength(name);
    if (i === 0 || i === name.length) return name;
    const type = name.slice(0, i);
    const number = name.charCodeAt(i) === 32 ? name.slice(i + 1) : name.slice(i);
    if (!PORT_NUMBER.test(number)) return name;
    // Already as printed (the common case in a device's own config): nothing to look up.
    if (number.length === name.length - i && this.printed.has(type)) return name;
    const full = this.types.get(type.toLowerCase());
    return full === undefined ? name : full + number;
  }

  /**
   * `name` as type and number, resolved as `canonical` resolves it; undefined when it does not look
   * like an interface name at all (no type letters followed by a port: an address, a keyword, `Gi0/0 2`).
   * One blank may separate the type from the number, as the CLI takes it (`Loopback 0`).
   */
  parts(name: string): InterfaceParts | undefined {
    const i = typeLength(name);
    if (i === 0 || i === name.length) return undefined;
    const type = name.slice(0, i);
    const number = name.charCodeAt(i) === 32 ? name.slice(i + 1) : name.slice(i);
    if (!PORT_LIKE.test(number)) return undefined;
    const full = PORT_NUMBER.test(number) ? this.types.get(type.toLowerCase()) : undefined;
    return full === undefined ? { type, number, resolved: false } : { type: full, number, resolved: true };
  }
}

/** How many leading characters of `name` are its type: letters and `-` (`Port-channel`), from a letter. */
function typeLength(name: string): number {
  if (!isLetter(name.charCodeAt(0))) return 0;
  let i = 1;
  while (i < name.length && (isLetter(name.charCodeAt(i)) || name.charCodeAt(i) === 45)) i++;
  return i;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
