/**
 * The export format both sides write (the CLI's `--out` and the editor's Export Results…): the batch
 * results document and the file names per device. Pure functions, part of the contract like the
 * messages: the client may import only the protocol, and the two exports must not drift apart.
 */
import type { DeviceResult, FrameKind, JobSummary } from '../jobs/types';

/** A file-name-safe form of a device id or folder name: no separators, no `..`, no control characters. */
export function sanitizeFileName(name: string): string {
  const cleaned = [...name]
    .filter((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f)
    .join('')
    .replace(/[/\\:*?"<>|]/g, '_')
    .replace(/^\.+/, '_')
    .trim()
    .slice(0, 200);
  return cleaned.length > 0 ? cleaned : '_';
}

/** Hands out unique names within one directory: `r1`, then `r1~2` for a second device sanitised alike. */
export class UniqueNames {
  private readonly used = new Map<string, Set<string>>();

  take(dir: string, name: string): string {
    let names = this.used.get(dir);
    if (names === undefined) {
      names = new Set();
      this.used.set(dir, names);
    }
    let candidate = name;
    for (let n = 2; names.has(candidate.toLowerCase()); n++) candidate = `${name}~${n}`;
    names.add(candidate.toLowerCase());
    return candidate;
  }
}

/**
 * The batch results document users know: the job, then every device with its texts, then the summary.
 * With a safe-apply frame, `frame` says which, and the texts are the framed scripts; with `none`, the
 * texts withhold the lines that make the device ask (`withheld_lines` per device).
 */
export function batchResultsDocument(
  job: JobSummary,
  devices: readonly DeviceResult[],
  frame?: FrameKind,
): object {
  const { summary, ...fields } = job;
  return {
    ...fields,
    frame: frame ?? 'none',
    results: devices.map((d) => ({
      device_id: d.device_id,
      folder: d.folder,
      platform: d.platform,
      status: d.status,
      verified: d.verified,
      remediation: d.remediation,
      rollback: d.rollback,
      error: d.error,
      change_score: d.change_score,
      risks: d.risks,
      needs_confirmation: d.needs_confirmation ?? false,
      // Frame `none`: the prompting lines the scripts leave out (a comment in their place).
      withheld_lines: d.withheld_lines ?? [],
      frame_error: d.frame_error,
      verify: d.verify,
      // Only for a device with a scope (undefined fields are left out of the JSON).
      unmanaged_drift: d.unmanaged_drift,
      unmanaged_sections: d.unmanaged_sections,
      duration: d.duration,
      running: d.running,
      intended: d.intended,
    })),
    summary,
  };
}
