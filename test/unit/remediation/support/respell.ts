/**
 * Respelling edits for property tests (issue 9): the same config written the way templates write it —
 * interface names abbreviated (any abbreviation the platform's table allows, any case, `Type 1/1` with
 * a blank) in headers and references, NX-OS addresses in mask form, VLAN lists reordered with blanks,
 * runs of blanks and trailing blanks. A device takes the result as the very same config, so the
 * remediation between the two must be empty.
 */
import type { Platform } from '../../../../server/src/engine/index';
import { BUILT_IN_DRIVERS } from '../../../../server/src/engine/rules/drivers';
import type { Random } from './random';

const NAME = /^([A-Za-z][A-Za-z-]*)(\d[\d/.:]*)$/;

function abbreviate(name: string, platform: Platform, random: Random): string {
  const m = NAME.exec(name);
  if (m === null) return name;
  const type = BUILT_IN_DRIVERS[platform].canonical?.interfaceTypes.find((t) => t.name === m[1]);
  if (type === undefined) return name;
  const length = type.shortest.length + random.int(type.name.length - type.shortest.length + 1);
  let spelled = type.name.slice(0, length);
  const casing = random.int(3);
  if (casing === 1) spelled = spelled.toLowerCase();
  if (casing === 2) spelled = spelled.toUpperCase();
  return `${spelled}${random.int(4) === 0 ? ' ' : ''}${m[2]}`;
}

function maskOf(length: number): string {
  const bits = length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0;
  return [24, 16, 8, 0].map((shift) => (bits >>> shift) & 255).join('.');
}

function shuffledList(list: string, random: Random): string {
  const items = list.split(',');
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items.join(random.int(2) === 0 ? ',' : ', ');
}

/** `text` respelled line by line; banners are left as they are. */
export function respell(text: string, platform: Platform, random: Random): string {
  const out: string[] = [];
  let banner: string | undefined;
  for (const line of text.split('\n')) {
    if (banner !== undefined) {
      out.push(line);
      if (line.includes(banner)) banner = undefined;
      continue;
    }
    const open = /^banner \S+ (\^C|.)/.exec(line);
    if (open !== null) {
      if (line.indexOf(open[1], open.index + open[0].length) < 0) banner = open[1];
      out.push(line);
      continue;
    }
    out.push(respellLine(line, platform, random));
  }
  return out.join('\n');
}

function respellLine(line: string, platform: Platform, random: Random): string {
  const pad = line.slice(0, line.length - line.trimStart().length);
  const body = line.trimStart();
  let m =
    /^(interface|logging source-interface|ip ssh source-interface|source-interface|update-source) (\S+)$/.exec(
      body,
    );
  if (m !== null) return blanks(`${pad}${m[1]} ${abbreviate(m[2], platform, random)}`, random);
  m = /^(switchport trunk allowed vlan|vlan) (\d[\d,-]*)$/.exec(body);
  if (m !== null && m[2].includes(',')) return `${pad}${m[1]} ${shuffledList(m[2], random)}`;
  m = /^ip address (\d+\.\d+\.\d+\.\d+)\/(\d+)( secondary)?$/.exec(body);
  if (m !== null && platform === 'cisco_nxos' && random.int(2) === 0)
    return `${pad}ip address ${m[1]} ${maskOf(Number(m[2]))}${m[3] ?? ''}`;
  return random.int(8) === 0 && body !== '' && !body.startsWith('description') ? blanks(line, random) : line;
}

/** A run of blanks inside the line and blanks at its end. */
function blanks(line: string, random: Random): string {
  const pad = line.slice(0, line.length - line.trimStart().length);
  const words = line.trimStart().split(' ');
  const at = words.length > 1 ? 1 + random.int(words.length - 1) : 0;
  if (at > 0) words[at] = ` ${words[at]}`;
  return `${pad}${words.join(' ')}${' '.repeat(random.int(3))}`;
}
