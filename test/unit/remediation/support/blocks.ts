/** A configuration text as top-level blocks, for the property tests' edits. */
import type { Random } from './random';

export interface Block {
  header: string;
  body: string[];
}

export type Edit = (blocks: Block[], random: Random, indent: string) => void;

/** Top-level blocks: a line at column 0 and the lines below it (a multi-line banner is one block). */
export function toBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let banner: string | undefined;
  for (const line of text.split('\n')) {
    if (banner !== undefined) {
      blocks[blocks.length - 1].body.push(line);
      if (line.includes(banner)) banner = undefined;
      continue;
    }
    if (/^\s/.test(line) && blocks.length > 0) {
      blocks[blocks.length - 1].body.push(line);
      continue;
    }
    blocks.push({ header: line, body: [] });
    const open = /^banner \S+ (\^C|.)/.exec(line);
    if (open !== null && line.indexOf(open[1], open.index + open[0].length) < 0) banner = open[1];
  }
  return blocks;
}

export function toText(blocks: readonly Block[]): string {
  return blocks.map((b) => [b.header, ...b.body].join('\n')).join('\n');
}

export function pick<T>(random: Random, list: readonly T[]): T | undefined {
  return list.length === 0 ? undefined : list[random.int(list.length)];
}
