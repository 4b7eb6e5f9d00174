import type { Connection } from 'vscode-languageserver/node';
import { PLATFORM_IDS, ServerInfoRequest, type ServerInfo } from '../protocol';
import { VERSION } from '../version';

function transportFromArgv(argv: readonly string[]): ServerInfo['transport'] {
  if (argv.includes('--node-ipc')) return 'ipc';
  if (argv.includes('--stdio')) return 'stdio';
  if (argv.some((a) => a.startsWith('--socket'))) return 'socket';
  return 'unknown';
}

export function registerServerInfo(connection: Connection): void {
  connection.onRequest(ServerInfoRequest, (): ServerInfo => ({
    version: VERSION,
    platforms: [...PLATFORM_IDS],
    pid: process.pid,
    transport: transportFromArgv(process.argv),
  }));
}
