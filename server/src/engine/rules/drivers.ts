import type { Platform } from '../model/types';
import { CISCO_IOS } from './ciscoIos';
import { CISCO_NXOS } from './ciscoNxos';
import type { PlatformDriver } from './types';

/** The built-in driver of each platform. */
export const BUILT_IN_DRIVERS: Readonly<Record<Platform, PlatformDriver>> = {
  cisco_ios: CISCO_IOS,
  cisco_nxos: CISCO_NXOS,
};
