/**
 * Device locks: a device (folder + device id) is in at most one running job. A pending job waits, in
 * FIFO order, for the jobs that hold its devices — or that queued for them first, so a stream of later
 * jobs cannot starve it. Locks live only in memory: a job that died holds none after a restart.
 */
import path from 'node:path';
import type { DeviceSpec } from './discovery';
import type { LockHolder } from './types';

export function lockKey(spec: Pick<DeviceSpec, 'folder' | 'device_id'>): string {
  return `${spec.folder}\u0000${spec.device_id}`;
}

export class DeviceLocks {
  private readonly holders = new Map<string, string>();

  acquire(jobId: string, keys: readonly string[]): void {
    for (const key of keys) this.holders.set(key, jobId);
  }

  release(jobId: string, keys: readonly string[]): void {
    for (const key of keys) if (this.holders.get(key) === jobId) this.holders.delete(key);
  }

  /** Who holds (or claimed earlier, in `claimed`) any of `keys`, one entry per job. */
  conflicts(keys: readonly string[], claimed: ReadonlyMap<string, string>): LockHolder[] {
    const byJob = new Map<string, { devices: number; example: string }>();
    for (const key of keys) {
      const holder = this.holders.get(key) ?? claimed.get(key);
      if (holder === undefined) continue;
      const entry = byJob.get(holder);
      if (entry !== undefined) entry.devices++;
      else {
        const [folder, deviceId] = key.split('\u0000');
        byJob.set(holder, { devices: 1, example: `${path.basename(folder)}/${deviceId}` });
      }
    }
    return [...byJob].map(([job_id, e]) => ({ job_id, devices: e.devices, example: e.example }));
  }
}
