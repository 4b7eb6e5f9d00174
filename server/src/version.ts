/** Replaced at build time by esbuild (`define`); the fallback serves unbundled type checks. */
declare const __NETREMEDIATE_VERSION__: string | undefined;

export const VERSION: string =
  typeof __NETREMEDIATE_VERSION__ === 'string' ? __NETREMEDIATE_VERSION__ : '0.0.0-dev';
