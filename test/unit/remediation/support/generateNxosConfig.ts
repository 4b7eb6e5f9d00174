/**
 * A realistic Cisco NX-OS `show running-config` of a leaf with `n` ports, for property tests:
 * features, a VLAN list with named VLAN blocks, SVIs with HSRP, access and routed ports, a
 * port-channel, OSPF and BGP (block-form neighbors, a VRF), a one-line banner, line blocks.
 * Deterministic: the same `n` always gives the same text.
 */
export function generateNxosConfig(n: number): string {
  const lines: string[] = [
    '!Command: show running-config',
    '!Time: Thu Mar 14 08:00:00 2024',
    '',
    'version 9.3(10) Bios:version 05.47',
    'hostname leaf-101',
    'banner motd #Authorized access only!#',
    '',
    'feature ospf',
    'feature bgp',
    'feature interface-vlan',
    'feature hsrp',
    'feature lacp',
    '',
    'logging source-interface loopback0',
    'snmp-server location DC1 hall A',
    'ip prefix-list PL-LOOPBACKS seq 5 permit 10.0.0.0/24 le 32',
    'route-map RM-LOOPBACKS permit 10',
    '  match ip address prefix-list PL-LOOPBACKS',
    'vrf context TENANT-A',
    '  rd auto',
    '  address-family ipv4 unicast',
    '',
  ];
  const vlans = Array.from({ length: Math.max(2, Math.floor(n / 2)) }, (_, i) => 100 + i * 10);
  lines.push(`vlan 1,${vlans.join(',')}`);
  for (const v of vlans) lines.push(`vlan ${v}`, `  name VLAN-${v}`);
  lines.push('');
  for (const v of vlans.slice(0, 3)) {
    lines.push(
      `interface Vlan${v}`,
      `  description SVI ${v}`,
      '  no shutdown',
      `  ip address 10.${v % 256}.0.2/24`,
      `  hsrp ${v}`,
      '    priority 110',
      `    ip 10.${v % 256}.0.1`,
    );
  }
  lines.push('interface port-channel20', '  description vPC to esx-20', '  switchport mode trunk');
  lines.push(`  switchport trunk allowed vlan ${vlans.join(',')}`);
  for (let i = 1; i <= n; i++) {
    const name = `interface Ethernet1/${i}`;
    if (i % 4 === 0) {
      lines.push(name, `  description uplink ${i} - keep up!`, '  no switchport', '  mtu 9216');
      lines.push(`  ip address 10.3.${i}.1/31`, '  ip ospf cost 10', '  no shutdown');
    } else {
      lines.push(
        name,
        `  description server-${i} eth0`,
        '  switchport access vlan ' + vlans[i % vlans.length],
      );
      lines.push('  spanning-tree port type edge', i % 3 === 0 ? '  shutdown' : '  no shutdown');
    }
  }
  lines.push('interface loopback0', '  description router-id', '  ip address 10.0.0.101/32');
  lines.push(
    'router ospf UNDERLAY',
    '  router-id 10.0.0.101',
    '  log-adjacency-changes',
    '  maximum-paths 4',
  );
  lines.push('router bgp 65101', '  router-id 10.0.0.101', '  address-family ipv4 unicast');
  lines.push('    redistribute direct route-map RM-LOOPBACKS', '    maximum-paths 4');
  for (let i = 1; i <= Math.max(2, Math.floor(n / 4)); i++) {
    lines.push(`  neighbor 10.3.${i * 4}.0`, '    remote-as 65000', `    description spine-${i}`);
    lines.push('    address-family ipv4 unicast', '      send-community', '      send-community extended');
  }
  lines.push(
    '  vrf TENANT-A',
    '    address-family ipv4 unicast',
    '      redistribute direct route-map RM-LOOPBACKS',
  );
  lines.push('line console', '  exec-timeout 15', 'line vty', '  exec-timeout 30', '  session-limit 10');
  return `${lines.join('\n')}\n`;
}
