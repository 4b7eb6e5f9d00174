/**
 * The one contract shared by the client and the server: identifiers, the fixed map between VS Code
 * language ids and platform ids, and every custom `netremediate/...` message with its params and result.
 *
 * Imports only vscode-languageserver-protocol: vscode-languageclient's main entry requires `vscode`
 * (would break the server bundle) and vscode-languageserver would drag the server library into the client.
 */
import { RequestType, RequestType0 } from 'vscode-languageserver-protocol';

/** VS Code language ids, as contributed in package.json. */
export const LANGUAGE_IDS = ['cisco-ios', 'cisco-nxos'] as const;
export type LanguageId = (typeof LANGUAGE_IDS)[number];

/** Platform ids, used everywhere but VS Code (engine, CLI, JSON, manifest, settings). */
export const PLATFORM_IDS = ['cisco_ios', 'cisco_nxos'] as const;
export type PlatformId = (typeof PLATFORM_IDS)[number];

const PLATFORM_BY_LANGUAGE: Readonly<Record<LanguageId, PlatformId>> = {
  'cisco-ios': 'cisco_ios',
  'cisco-nxos': 'cisco_nxos',
};

export function platformForLanguage(languageId: string): PlatformId | undefined {
  return (PLATFORM_BY_LANGUAGE as Record<string, PlatformId | undefined>)[languageId];
}

export function languageForPlatform(platform: PlatformId): LanguageId {
  return platform === 'cisco_nxos' ? 'cisco-nxos' : 'cisco-ios';
}

export interface ServerInfo {
  /** The extension's version the server was built from. */
  version: string;
  /** Platforms the engine can parse and remediate. */
  platforms: PlatformId[];
  /** Process id of the server, shown in the log and used by tests to tell a restarted server apart. */
  pid: number;
  /** How the client reached the server: `ipc` from VS Code, `stdio` from other editors. */
  transport: 'ipc' | 'stdio' | 'socket' | 'unknown';
}

/** Sent by the client (on start and from tests) to learn what the running server is. */
export const ServerInfoRequest = new RequestType0<ServerInfo, void>('netremediate/serverInfo');
export interface DocumentPlatformResult {
  platform: PlatformId;
  /** `language`: the document's language id; `content`: detected from the text; `setting`: the default. */
  source: 'language' | 'content' | 'setting';
}

/**
 * The platform the server reads an open document as. The client asks for files it serves by folder
 * (`running/`, `intended/`) whose extension gave them another language (`.cfg` is *Properties* in
 * VS Code), and gives them the device's language when the content says which it is.
 */
export const DocumentPlatformRequest = new RequestType<{ uri: string }, DocumentPlatformResult | null, void>(
  'netremediate/documentPlatform',
);

export * from './jobs';
export * from './inlineReview';
export * from './compliance';
export * from './complianceSummary';
