import type { Connection, InitializeParams, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { InitializationOptions } from '../../protocol';
import type { SettingsSource } from '../settings';
import { registerComplianceRequests } from './complianceRequests';
import { forwardJobEvents } from './jobNotifications';
import { registerJobRequests } from './jobRequests';
import { JobService } from './jobService';

/** The batch job protocol: requests over the job manager (compliance included), its events as notifications. */
export function registerJobs(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  settings: SettingsSource,
): { initialize(params: InitializeParams): void; close(): Promise<void> } {
  const jobs = new JobService(connection, documents, settings);
  let workDoneProgress = false;
  jobs.onOpened((manager) => forwardJobEvents(connection, manager, () => workDoneProgress));
  registerJobRequests(connection, jobs);
  registerComplianceRequests(connection, jobs);
  return {
    initialize(params) {
      const options = (params.initializationOptions ?? undefined) as InitializationOptions | undefined;
      jobs.initialize(options);
      workDoneProgress =
        params.capabilities.window?.workDoneProgress === true && options?.jobWorkDoneProgress !== false;
    },
    close: () => jobs.close(),
  };
}
