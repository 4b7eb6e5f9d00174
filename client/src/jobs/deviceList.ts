/**
 * One job's devices as the client knows them: in job order, loaded page by page, kept current by the
 * device notifications, with the triage order the Jobs view and the review walk use (cached until the
 * next change).
 *
 * A device's status only moves forward within a job (pending → running → success | failed | cancelled;
 * retry makes a new job), so an update is applied only when it is not behind what is known: pages and
 * notifications can then arrive in any order. Updates for devices whose page has not arrived yet wait.
 */
import type { DeviceStatus, DeviceSummary } from '../../../server/src/protocol';

export function deviceKey(folder: string, deviceId: string): string {
  return `${folder}\u0000${deviceId}`;
}

const STATUS_RANK: Readonly<Record<DeviceStatus, number>> = {
  pending: 0,
  running: 1,
  success: 2,
  failed: 2,
  cancelled: 2,
};

export function hasChanges(device: DeviceSummary): boolean {
  const score = device.change_score;
  return score !== undefined && score.added + score.removed + score.changed > 0;
}

/**
 * Failed first, then what needs a look (unverified), the devices being computed now (few: one per
 * worker), risky changes, the biggest changes, devices already as intended, work still queued.
 */
function triageRank(device: DeviceSummary): number {
  switch (device.status) {
    case 'failed':
      return 0;
    case 'running':
      return 2;
    case 'success':
      if (device.verified === false) return 1;
      if ((device.risk_count ?? device.risks?.length ?? 0) > 0) return 3;
      return hasChanges(device) ? 4 : 5;
    case 'pending':
      return 6;
    case 'cancelled':
      return 7;
  }
}

export class DeviceList {
  private readonly devices: DeviceSummary[] = [];
  private readonly positions = new Map<string, number>();
  /** Updates for devices not loaded yet. */
  private readonly early = new Map<string, DeviceSummary>();
  private readonly sortedByFolder = new Map<string, readonly DeviceSummary[]>();
  private complete = false;

  constructor(readonly jobId: string) {}

  get size(): number {
    return this.devices.length;
  }

  /** All pages have arrived. */
  get isComplete(): boolean {
    return this.complete;
  }

  all(): readonly DeviceSummary[] {
    return this.devices;
  }

  get(folder: string, deviceId: string): DeviceSummary | undefined {
    const at = this.positions.get(deviceKey(folder, deviceId));
    return at === undefined ? undefined : this.devices[at];
  }

  /** Adds a page in job order (updates that came first are applied over it when newer). */
  appendPage(page: readonly DeviceSummary[]): void {
    for (const loaded of page) {
      const key = deviceKey(loaded.folder, loaded.device_id);
      const waiting = this.early.get(key);
      this.early.delete(key);
      const device = waiting !== undefined && !isBehind(waiting, loaded) ? waiting : loaded;
      const at = this.positions.get(key);
      if (at === undefined) {
        this.positions.set(key, this.devices.length);
        this.devices.push(device);
      } else if (!isBehind(device, this.devices[at])) {
        this.devices[at] = device;
      }
    }
    this.sortedByFolder.clear();
  }

  markComplete(): void {
    this.complete = true;
    this.early.clear();
  }

  /** Applies device notifications; returns the devices that changed. */
  merge(updates: readonly DeviceSummary[]): DeviceSummary[] {
    const changed: DeviceSummary[] = [];
    for (const update of updates) {
      const key = deviceKey(update.folder, update.device_id);
      const at = this.positions.get(key);
      if (at === undefined) {
        if (this.complete) {
          // Not in the job as loaded (should not happen): keep it rather than hide it.
          this.positions.set(key, this.devices.length);
          this.devices.push(update);
          changed.push(update);
        } else {
          const waiting = this.early.get(key);
          if (waiting === undefined || !isBehind(update, waiting)) this.early.set(key, update);
        }
        continue;
      }
      if (isBehind(update, this.devices[at])) continue;
      this.devices[at] = update;
      changed.push(update);
    }
    if (changed.length > 0) this.sortedByFolder.clear();
    return changed;
  }

  /** The devices of one folder (or all), in triage order; stable within a rank (biggest score first). */
  sorted(folder?: string): readonly DeviceSummary[] {
    const cacheKey = folder ?? '';
    const cached = this.sortedByFolder.get(cacheKey);
    if (cached) return cached;
    const order = this.devices
      .map((device, index) => ({ device, index, rank: triageRank(device) }))
      .filter((d) => folder === undefined || d.device.folder === folder)
      .sort(
        (a, b) =>
          a.rank - b.rank ||
          (b.device.change_score?.score ?? 0) - (a.device.change_score?.score ?? 0) ||
          a.index - b.index,
      )
      .map((d) => d.device);
    this.sortedByFolder.set(cacheKey, order);
    return order;
  }

  countByStatus(folder?: string): Record<DeviceStatus, number> {
    const counts: Record<DeviceStatus, number> = {
      pending: 0,
      running: 0,
      success: 0,
      failed: 0,
      cancelled: 0,
    };
    for (const device of this.devices) {
      if (folder === undefined || device.folder === folder) counts[device.status]++;
    }
    return counts;
  }
}

function isBehind(candidate: DeviceSummary, known: DeviceSummary): boolean {
  return STATUS_RANK[candidate.status] < STATUS_RANK[known.status];
}
