import type { Connection } from 'vscode-languageserver/node';
import { ComplianceReportRequest, ComplianceSummaryRequest, DeviceComplianceRequest } from '../../protocol';
import type { JobService } from './jobService';
import { withManager } from './jobRequests';

/**
 * The compliance part of the job protocol: a job's summary per feature with the devices that need
 * attention, one device's per-feature details, the whole report. Errors as the other job requests:
 * an unknown job, or one that ran without compliance, is InvalidParams with the job layer's message.
 */
export function registerComplianceRequests(connection: Connection, jobs: JobService): void {
  connection.onRequest(
    ComplianceSummaryRequest,
    withManager(jobs, (manager, { job_id, offset, limit }) => ({
      job_id,
      ...manager.complianceSummary(job_id, { offset, limit }),
    })),
  );
  connection.onRequest(
    DeviceComplianceRequest,
    withManager(
      jobs,
      (manager, { job_id, folder, device_id }) => manager.deviceCompliance(job_id, folder, device_id) ?? null,
    ),
  );
  connection.onRequest(
    ComplianceReportRequest,
    // No current directory in the editor: folders are named by their name.
    withManager(jobs, (manager, { job_id }) => manager.complianceReport(job_id)),
  );
}
