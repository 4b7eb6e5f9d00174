import { parseArgs } from 'node:util';
import { createEngine, dumpTree, type ConfigNode } from '../engine';
import { EXIT_OK, UsageError, type CliIo } from './io';
import { parsePlatformOption, resolvePlatform } from './platformOption';
import type { CliCommand } from './command';

interface JsonNode {
  text: string;
  line: number;
  kind?: string;
  children?: JsonNode[];
}

function toJson(node: ConfigNode): JsonNode {
  const out: JsonNode = { text: node.text, line: node.line + 1 };
  if (node.kind !== 'line') out.kind = node.kind;
  if (node.children.length > 0) out.children = node.children.map(toJson);
  return out;
}

export const parseCommand: CliCommand = {
  name: 'parse',
  summary: 'parse a configuration and print its hierarchy, dropped lines and findings',
  usage: `netremediate parse FILE [--platform cisco_ios|cisco_nxos|auto] [--format tree|json]

  --platform   the configuration's platform (default auto: detected from the content)
  --format     tree: the indented hierarchy with line ranges, dropped lines and findings (default)
               json: {file, platform, tree, dropped, findings}, lines 1-based`,
  run(argv: string[], io: CliIo): number {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { platform: { type: 'string' }, format: { type: 'string', default: 'tree' } },
    });
    if (positionals.length !== 1) throw new UsageError('parse takes exactly one FILE');
    if (values.format !== 'tree' && values.format !== 'json')
      throw new UsageError(`--format ${values.format}: expected tree or json`);
    const [file] = positionals;
    const text = io.readText(file);
    const { platform } = resolvePlatform(parsePlatformOption(values.platform), [text]);
    const parsed = createEngine().parse(text, { platform });
    if (values.format === 'tree') {
      io.out(dumpTree(parsed));
    } else {
      const json = {
        file,
        platform,
        tree: parsed.root.children.map(toJson),
        dropped: parsed.trivia.map((t) => ({ kind: t.kind, line: t.line + 1, text: t.text })),
        findings: parsed.findings.map((f) => ({
          code: f.code,
          severity: f.severity,
          message: f.message,
          line: f.range.startLine + 1,
          column: f.range.startColumn + 1,
        })),
      };
      io.out(`${JSON.stringify(json, null, 2)}\n`);
    }
    for (const f of parsed.findings) {
      if (f.severity === 'error')
        io.err(`${file}:${f.range.startLine + 1}:${f.range.startColumn + 1}: ${f.message}\n`);
    }
    return EXIT_OK;
  },
};
