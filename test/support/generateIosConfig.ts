/**
 * A realistic Cisco IOS `show running-config` with `n` routed interfaces, for benchmarks and size tests.
 * Deterministic: the same `n` always gives the same text. At n = 5,000 it is about 41,000 lines
 * (7 per interface, one OSPF network per interface, 200 BGP neighbors, ACLs, banner, line blocks).
 */
export function generateIosConfig(n: number): string {
  const lines: string[] = [];
  const push = (...more: string[]): void => {
    for (const line of more) lines.push(line);
  };

  push(
    '!',
    '! Last configuration change at 14:02:11 UTC Tue Mar 4 2025 by netops',
    '! NVRAM config last updated at 14:02:15 UTC Tue Mar 4 2025 by netops',
    '!',
    'version 15.9',
    'service timestamps debug datetime msec localtime show-timezone',
    'service timestamps log datetime msec localtime show-timezone',
    'service password-encryption',
    'no service pad',
    '!',
    'hostname BENCH-PE1',
    '!',
    'boot-start-marker',
    'boot-end-marker',
    '!',
    'banner motd ^C',
    '*******************************************************',
    '!  Authorized access only. All activity is logged.    !',
    '!  Disconnect now if you are not authorized.          !',
    '*******************************************************',
    '^C',
    '!',
    'logging buffered 64000 informational',
    'no logging console',
    'enable secret 9 $9$mBqVZkgoF8hOS.$e0bEjfH4mOXfU1R7kGB9VzXv5Ayl7F2T6v2hRSf1yk2',
    '!',
    'aaa new-model',
    'aaa authentication login default group tacacs+ local',
    'aaa authorization exec default group tacacs+ local',
    '!',
    'ip domain name example.net',
    'ip name-server 10.255.255.53',
    'ip cef',
    'no ipv6 cef',
    '!',
  );

  for (let i = 0; i < n; i++) {
    const slot = Math.floor(i / 48) + 1;
    const port = (i % 48) + 1;
    push(
      `interface GigabitEthernet${slot}/0/${port}`,
      ` description P2P to ACCESS-${String(i + 1).padStart(4, '0')} Gi0/0/0 [circuit CKT-${100000 + i * 7}]`,
      ` ip address ${address(i, 1)} 255.255.255.252`,
      ` ip ospf cost ${10 + ((i * 37) % 90)}`,
      ' ip ospf network point-to-point',
      ' no shutdown',
      '!',
    );
  }

  push(
    'router ospf 1',
    ' router-id 10.255.0.1',
    ' auto-cost reference-bandwidth 100000',
    ' passive-interface default',
  );
  for (let i = 0; i < n; i++) push(` network ${address(i, 0)} 0.0.0.3 area 0`);
  push('!');

  const peers = Math.min(n, 200);
  push('router bgp 65000', ' bgp router-id 10.255.0.1', ' bgp log-neighbor-changes');
  for (let i = 0; i < peers; i++) {
    push(
      ` neighbor ${address(i, 2)} remote-as ${65001 + i}`,
      ` neighbor ${address(i, 2)} description eBGP to ACCESS-${String(i + 1).padStart(4, '0')}`,
    );
  }
  push(' !', ' address-family ipv4');
  for (let i = 0; i < peers; i++) push(`  neighbor ${address(i, 2)} activate`);
  push(' exit-address-family', '!');

  for (const [name, net] of [
    ['MGMT-IN', '10.254.0.0 0.0.255.255'],
    ['NOC-IN', '172.16.10.0 0.0.0.255'],
    ['EDGE-FILTER-IN', '192.0.2.0 0.0.0.255'],
  ]) {
    push(
      `ip access-list extended ${name}`,
      ` remark ${name}: management sources`,
      ` permit tcp ${net} any eq 22`,
      ` permit udp ${net} any eq snmp`,
      ' remark drop and log the rest',
      ' deny   ip any any log',
    );
  }
  push(
    '!',
    'line con 0',
    ' exec-timeout 5 0',
    ' logging synchronous',
    'line vty 0 4',
    ' access-class MGMT-IN in',
    ' exec-timeout 15 0',
    ' transport input ssh',
    '!',
    'end',
    '',
  );

  const body = lines.join('\n');
  return `Building configuration...\n\nCurrent configuration : ${body.length} bytes\n${body}`;
}

/** The `host`-th address (0 network, 1 and 2 the ends) of the i-th /30 in 10.0.0.0/8. */
function address(i: number, host: number): string {
  const base = i * 4;
  return `10.${(base >> 16) & 255}.${(base >> 8) & 255}.${(base & 255) + host}`;
}
