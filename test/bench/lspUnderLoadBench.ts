/**
 * The editor stays responsive while a big job runs (issue 5): documentSymbol on the generated
 * ~41,000-line config, uncached (a didChange before each request, so each run parses), measured over
 * a real LSP connection while a 10,000-device job computes on the server's worker threads.
 */
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
} from 'vscode-languageserver-protocol/node';
import { GetJobRequest, StartJobRequest, CancelJobRequest } from '../../server/src/protocol';
import { tempDir, writeFleet } from '../support/fleetGenerator';
import { generateIosConfig } from '../support/generateIosConfig';
import { startLspSession } from '../support/lspClient';
import { measure, type Measurement } from './measure';

export async function lspUnderLoadBenchmarks(): Promise<Measurement[]> {
  const work = tempDir('nr-bench-lsp-load');
  const fleet = writeFleet(work.dir + '/fleet', { devices: 10_000, interfaces: 3 });
  const session = await startLspSession(work.dir, {
    initializationOptions: { storagePath: work.dir + '/store' },
  });
  const uri = 'file:///bench/generated-5000.ios';
  let version = 1;
  try {
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'cisco-ios', version, text: generateIosConfig(5000) },
    });
    const job = await session.connection.sendRequest(StartJobRequest, { folders: [fleet.folder] });
    // Measure only once devices are being computed.
    for (let i = 0; i < 200; i++) {
      const now = await session.connection.sendRequest(GetJobRequest, { job_id: job.job_id });
      if (now && now.completed_devices > 0) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const row = await measure(
      'LSP documentSymbol, 40679 lines, uncached, during a 10,000-device job',
      async () => {
        version++;
        await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
          textDocument: { uri, version },
          contentChanges: [
            { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '!' },
          ],
        });
        await session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
      },
      { runs: 21, warmup: 3, targetMs: 100 },
    );
    const after = await session.connection.sendRequest(GetJobRequest, { job_id: job.job_id });
    const still = after?.status === 'running';
    await session.connection.sendRequest(CancelJobRequest, { job_id: job.job_id }).catch(() => undefined);
    return [
      {
        ...row,
        extra: still
          ? `job still running when measured (${after?.completed_devices}/10000 done)`
          : 'WARNING: the job ended during the measurement',
      },
    ];
  } finally {
    await session.close();
    work.remove();
  }
}
