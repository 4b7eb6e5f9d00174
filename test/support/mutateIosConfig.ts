/**
 * The intended side of the remediation benchmark pair (issue 4, "Speed"): `generateIosConfig(n)` with
 * about 10% of its lines changed, deterministically: every 10th interface description changed, every
 * 20th `ip ospf cost` changed, every 20th interface removed, n/20 new interfaces, every 10th BGP
 * neighbor description changed.
 */
export function mutateIosConfig(running: string, n: number): string {
  const out: string[] = [];
  let iface = -1;
  let removing = false;
  let neighbor = 0;
  for (const line of running.split('\n')) {
    if (line.startsWith('interface ')) {
      iface++;
      removing = iface % 20 === 19;
      if (removing) continue;
    } else if (removing && (line.startsWith(' ') || line === '!')) {
      continue;
    } else {
      removing = false;
    }
    if (line === 'router ospf 1') out.push(...newInterfaces(Math.floor(n / 20)));
    if (line.startsWith(' description ') && iface % 10 === 0) {
      out.push(`${line} (moved to ring B)`);
    } else if (line.startsWith(' ip ospf cost ') && iface % 20 === 0) {
      out.push(` ip ospf cost ${Number(line.slice(' ip ospf cost '.length)) + 1}`);
    } else if (/^ neighbor \S+ description /.test(line) && neighbor++ % 10 === 0) {
      out.push(`${line} (maintenance window 7)`);
    } else {
      out.push(line);
    }
  }
  return out.join('\n');
}

function newInterfaces(count: number): string[] {
  const lines: string[] = [];
  for (let k = 0; k < count; k++) {
    lines.push(
      `interface Loopback${1000 + k}`,
      ` description Service loopback ${k + 1}`,
      ` ip address 172.${16 + ((k >> 16) & 15)}.${(k >> 8) & 255}.${k & 255} 255.255.255.255`,
      '!',
    );
  }
  return lines;
}
