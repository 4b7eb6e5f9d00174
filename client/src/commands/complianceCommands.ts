/**
 * Compliance commands: a device's review scoped to one feature (from the Compliance view and the
 * report's links), the report webview of a job, and the view's own actions.
 */
import * as vscode from 'vscode';
import type { ComplianceNode } from '../compliance/complianceTree';
import type { DeviceRef } from '../review/reviewUris';
import type { CommandFactory } from './commandContext';
import { pickJob } from './pickers';

function isFeatureRef(arg: unknown): arg is DeviceRef & { feature: string } {
  const ref = arg as Partial<DeviceRef> | undefined;
  return (
    typeof ref?.job_id === 'string' &&
    typeof ref.folder === 'string' &&
    typeof ref.device_id === 'string' &&
    typeof ref.feature === 'string'
  );
}

const reviewFeature: CommandFactory = (ctx) => async (arg?: unknown) => {
  if (!isFeatureRef(arg)) {
    void vscode.window.showInformationMessage(
      'NetRemediate: pick a drifting device under a feature in the Compliance view to review that feature.',
    );
    return undefined;
  }
  const { job_id, folder, device_id, feature } = arg;
  return ctx.review.open({ job_id, folder, device_id, feature }, 'remediation');
};

/** The report of the job given (a job node, an id), else of the job the Compliance view shows, else picked. */
const showComplianceReport: CommandFactory = (ctx) => async (arg?: unknown) => {
  const job =
    arg === undefined && ctx.compliance.tree.job !== undefined
      ? ctx.compliance.tree.job
      : await pickJob(ctx, arg, {
          title: 'Show Compliance Report',
          accept: (j) => j.status === 'completed' || j.status === 'cancelled' || j.status === 'interrupted',
          none: 'no finished job yet: run a remediation first.',
        });
  return job === undefined ? undefined : ctx.complianceReports.show(job);
};

export const complianceCommands: Readonly<Record<string, CommandFactory>> = {
  'netremediate.reviewFeature': reviewFeature,
  'netremediate.showComplianceReport': showComplianceReport,
  'netremediate.compliance.refresh': (ctx) => () => ctx.compliance.refresh(),
  'netremediate.compliance.showMore': (ctx) => (node?: ComplianceNode) => {
    if (node?.kind === 'more') ctx.compliance.tree.showMore(node);
  },
};
