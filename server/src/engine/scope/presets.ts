/**
 * Ignore presets: lines that are the device's own business rather than the template's, named so a
 * workspace can opt in with `{ "preset": "credentials" }` instead of writing the rules.
 *
 * They are opt-in, not on by default: a scope that is absent must change nothing (the scripts users
 * compare with hier_config, the golden cases, the cost), and a template that does manage local users or
 * licences must not have them silently dropped. Masked and re-salted secrets inside managed lines are
 * the device-true rules' business (findings, never pushed), not a scope's.
 */
import type { Platform } from '../model/types';
import type { Lineage } from '../rules/types';
import type { ScopePreset } from './types';

const top = (...prefixes: string[]): Lineage[] => prefixes.map((p) => [{ startswith: p }]);

export const PRESET_DESCRIPTIONS: Readonly<Record<ScopePreset, string>> = {
  credentials:
    'local accounts and enable secrets: `username ...`, `enable secret|password ...`, NX-OS `snmp-server user ...` (hashes re-salted per device)',
  licensing: '`license ...` lines (serial numbers, boot levels the device reports)',
  pki: 'IOS `crypto pki certificate chain ...` and the self-signed `crypto pki trustpoint TP-self-signed-...` the device generates',
};

export const PRESETS: Readonly<Record<ScopePreset, Readonly<Record<Platform, readonly Lineage[]>>>> = {
  credentials: {
    cisco_ios: top('username ', 'enable secret ', 'enable password '),
    // SNMPv3 users carry keys localised to the engine id: they differ on every device by design.
    cisco_nxos: top('username ', 'snmp-server user '),
  },
  licensing: {
    cisco_ios: top('license '),
    cisco_nxos: top('license '),
  },
  pki: {
    cisco_ios: top('crypto pki certificate chain ', 'crypto pki trustpoint TP-self-signed-'),
    // NX-OS does not print certificates in its running config.
    cisco_nxos: [],
  },
};
