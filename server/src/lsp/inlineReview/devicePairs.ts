/**
 * Which running config belongs to an intended config the user edits: the device whose intended file
 * it is, in the nearest folder above it that has devices (its `netremediate.json`, or the running/ +
 * intended/ convention with the configured globs) — the same discovery a job uses, so the lens and the
 * job never disagree about a pair. Discoveries are cached briefly: a lens request comes with every
 * pause in typing, and listing a 10,000-device folder on each would be wasted.
 */
import path from 'node:path';
import type { FeatureOverrides, Scope } from '../../engine';
import { discoverFolder, type DeviceSpec, type DiscoveryOptions } from '../../jobs/discovery';

/** A device and what its folder's manifest says about scope and features (jobs use the same). */
export interface DevicePair {
  readonly device: DeviceSpec;
  readonly scope?: Scope;
  readonly features?: FeatureOverrides;
}

interface FolderDevices {
  readonly at: number;
  readonly byIntended: Map<string, DeviceSpec>;
  readonly scope?: Scope;
  readonly features?: FeatureOverrides;
}

/** Folders above the file that are looked at: a workspace nests device folders a few levels deep. */
const MAX_LEVELS_UP = 6;
const CACHE_MS = 5_000;

export class DevicePairs {
  private readonly cache = new Map<string, FolderDevices>();

  /** The device whose intended config is `file` (absolute path), or undefined. */
  async forIntended(file: string, options: DiscoveryOptions): Promise<DevicePair | undefined> {
    const key = `${options.runningGlob ?? ''}\u0000${options.intendedGlob ?? ''}`;
    let folder = path.dirname(file);
    for (let level = 0; level < MAX_LEVELS_UP; level++) {
      const found = await this.devicesOf(folder, key, options);
      const device = found.byIntended.get(file);
      if (device !== undefined) return { device, scope: found.scope, features: found.features };
      const parent = path.dirname(folder);
      if (parent === folder) break;
      folder = parent;
    }
    return undefined;
  }

  /** Forget what was discovered (files were created, renamed or deleted). */
  clear(): void {
    this.cache.clear();
  }

  private async devicesOf(folder: string, key: string, options: DiscoveryOptions): Promise<FolderDevices> {
    const cacheKey = `${folder}\u0000${key}`;
    const cached = this.cache.get(cacheKey);
    if (cached !== undefined && Date.now() - cached.at < CACHE_MS) return cached;
    const found = await discoverFolder(folder, options);
    const entry: FolderDevices = {
      at: Date.now(),
      byIntended: new Map(found.devices.map((d) => [d.intended, d] as const)),
      ...(found.scope === undefined ? {} : { scope: found.scope }),
      ...(found.features === undefined ? {} : { features: found.features }),
    };
    this.cache.set(cacheKey, entry);
    return entry;
  }
}
