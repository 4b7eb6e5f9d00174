/**
 * The compliance report document (issue #8): what `netremediate compliance --format json` prints,
 * what `netremediate merge` reads and writes, what the editor's report renders. Versioned; its JSON
 * Schema is published at `schemas/compliance-report.schema.json`. snake_case like the batch results.
 */
import type { FeatureCompliance } from '../engine/compliance/types';
import type { UnmanagedSection } from '../engine/scope/types';
import type { PlatformId } from './index';

export const COMPLIANCE_REPORT_VERSION = 1;

export type DeviceComplianceStatus = 'compliant' | 'drift' | 'failed';

export interface ComplianceDevice {
  readonly device_id: string;
  /**
   * The folder as the user gave it: relative to the current directory when inside it (`.` for the
   * directory itself), `/`-separated; otherwise (and in the editor) the folder's name. Never an absolute
   * path: reports travel between CI runners, and SARIF uses `<folder>/<intended>` as a
   * %SRCROOT%-relative uri.
   */
  readonly folder: string;
  readonly platform?: PlatformId;
  readonly status: DeviceComplianceStatus;
  /** Why the device failed, naming the file and line when one is at fault. */
  readonly error?: string;
  /** Paths relative to the folder, `/`-separated. */
  readonly running: string;
  readonly intended: string;
  /** Only features with lines in running or intended; a feature absent here is not configured. */
  readonly features: readonly FeatureCompliance[];
  /**
   * For a device whose folder has a scope (docs/scope.md): how many top-level sections differ outside
   * it. Information only: they are in no feature and never make the device drift.
   */
  readonly unmanaged_drift?: number;
  /**
   * The first of those sections (at most 50, as the job keeps them): what each renderer lists. Absent
   * when none differ, and in reports written before it existed (renderers then give the count alone).
   */
  readonly unmanaged_sections?: readonly UnmanagedSection[];
}

export interface FeatureSummary {
  readonly feature: string;
  readonly title: string;
  /** Devices where the feature is configured (in running or intended). */
  readonly devices: number;
  readonly compliant: number;
  readonly drifting: number;
}

export interface ComplianceReport {
  readonly $schema?: string;
  readonly version: typeof COMPLIANCE_REPORT_VERSION;
  readonly generated_at: string;
  readonly tool: { readonly name: 'netremediate'; readonly version: string };
  /** sha256 of the feature definitions used (all platforms): merge refuses reports that differ. */
  readonly feature_set_sha256: string;
  /**
   * sha256 of the scopes (docs/scope.md) the devices were checked within; absent when everything is
   * managed. Shards run within different scopes are not one report: merge refuses them.
   */
  readonly scope_sha256?: string;
  /** Set when the report covers one shard of a fleet (1-based index), absent when merged or whole. */
  readonly shard?: { readonly index: number; readonly count: number };
  /** Shards merged into this report, when it is a merge. */
  readonly merged_shards?: readonly { readonly index: number; readonly count: number }[];
  readonly summary: {
    readonly devices: number;
    readonly compliant: number;
    readonly drifting: number;
    readonly failed: number;
    /** Every feature of the set, in order, `other` last. */
    readonly features: readonly FeatureSummary[];
    /** Devices with unmanaged drift (sections differing outside their scope); set when a device has a scope. */
    readonly unmanaged_drift_devices?: number;
  };
  /** Sorted by folder, then device_id. */
  readonly devices: readonly ComplianceDevice[];
}

/** A device that drifts or failed, as the compliance summary lists it (the editor's folders: absolute). */
export interface ComplianceDeviceRef {
  readonly folder: string;
  readonly device_id: string;
  readonly status: DeviceComplianceStatus;
  /** Drifting features, in feature-set order. */
  readonly drifting: readonly string[];
  readonly error?: string;
}

/** A job's compliance at a glance: built from the devices' in-memory briefs, no journal read. */
export interface ComplianceSummaryPage {
  readonly feature_set_sha256: string;
  readonly summary: ComplianceReport['summary'];
  /** The devices that drift or failed, in job order, paged. */
  readonly attention: { readonly total: number; readonly devices: readonly ComplianceDeviceRef[] };
}
