// The platform parsers on captured output: `ip -o monitor` lines captured in a network namespace on
// this machine (iproute2 6.x), /proc/net/route and ipv6_route, resolv.conf, macOS scutil,
// Windows `route print`, nmcli.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  parseIpMonitorLine,
  parseNmcliActiveSsid,
  parseProcNetIpv6Route,
  parseProcNetRoute,
  parseResolvConf,
  parseRoutePrint,
  parseScutilState,
} from '../../../electron/core/watch/parsers.js';

test('ip -o monitor: address, route and link lines, added and deleted', () => {
  const cases: [string, ReturnType<typeof parseIpMonitorLine>][] = [
    ['3: v0    inet 10.9.0.2/24 scope global v0\\       valid_lft forever preferred_lft forever', { object: 'address', deleted: false, iface: 'v0' }],
    ['Deleted 3: v0    inet 10.9.0.3/24 scope global secondary v0\\       valid_lft forever preferred_lft forever', { object: 'address', deleted: true, iface: 'v0' }],
    ['3: v0    inet6 fe80::501a:b0ff:fe88:ee3b/64 scope link \\       valid_lft forever preferred_lft forever', { object: 'address', deleted: false, iface: 'v0' }],
    ['default via 10.9.0.1 dev v0 ', { object: 'route', deleted: false, iface: 'v0' }],
    ['local 10.9.0.2 dev v0 table local proto kernel scope host src 10.9.0.2 ', { object: 'route', deleted: false, iface: 'v0' }],
    ['Deleted 10.9.0.0/24 dev v0 proto kernel scope link src 10.9.0.2 ', { object: 'route', deleted: true, iface: 'v0' }],
    ['Deleted broadcast 10.9.0.255 dev v0 table local proto kernel scope link src 10.9.0.2 ', { object: 'route', deleted: true, iface: 'v0' }],
    ['local fe80::8fc:f8ff:fe8c:7b3e dev v1 table local proto kernel metric 0 pref medium', { object: 'route', deleted: false, iface: 'v1' }],
    ['2: v1@NONE: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN group default \\    link/ether 22:6c:ba:d5:41:7e brd ff:ff:ff:ff:ff:ff', { object: 'link', deleted: false, iface: 'v1' }],
    ['3: v0@v1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN group default \\    link/ether da:28:35:f2:98:92 brd ff:ff:ff:ff:ff:ff', { object: 'link', deleted: false, iface: 'v0' }],
    ['[LINK]Deleted 4: wlan0: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN', { object: 'link', deleted: true, iface: 'wlan0' }],
    ['', null],
    ['Timestamp: Sun Nov 22 08:00:00 2026 123456 usec', null],
  ];
  for (const [line, want] of cases) assert.deepEqual(parseIpMonitorLine(line), want, line);
});

test('/proc/net/route: the default route and its gateway (little-endian hex); other routes ignored', () => {
  const text = [
    'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT',
    'eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0',
    'eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0',
    'tun0\t00000000\t00000000\t0001\t0\t0\t50\t00000000\t0\t0\t0',
    'down0\t00000000\t0101A8C0\t0002\t0\t0\t0\t00000000\t0\t0\t0',
  ].join('\n');
  assert.deepEqual(parseProcNetRoute(text), [
    { iface: 'eth0', gateway: '192.0.2.1' },
    { iface: 'tun0', gateway: null },
  ]);
  assert.deepEqual(parseProcNetRoute(''), []);
});

test('/proc/net/ipv6_route: a real default route; the kernel unreachable default on lo skipped', () => {
  const text = [
    '00000000000000000000000000000000 00 00000000000000000000000000000000 00 fe800000000000000000000000000001 00000400 00000001 00000000 00000003     eth0',
    '00000000000000000000000000000000 00 00000000000000000000000000000000 00 00000000000000000000000000000000 ffffffff 00000001 00000000 00200200       lo',
    '20010db8000000000000000000000000 40 00000000000000000000000000000000 00 00000000000000000000000000000000 00000100 00000001 00000000 00000001     eth0',
  ].join('\n');
  assert.deepEqual(parseProcNetIpv6Route(text), [{ iface: 'eth0', gateway: 'fe80:0:0:0:0:0:0:1' }]);
});

test('resolv.conf: servers in order, the last search/domain line wins, comments ignored', () => {
  const r = parseResolvConf('# generated\nnameserver 10.0.0.53\nsearch corp.example lan\nnameserver 1.1.1.1 ; second\noptions ndots:1\n');
  assert.deepEqual(r, { servers: ['10.0.0.53', '1.1.1.1'], search: ['corp.example', 'lan'] });
  assert.deepEqual(parseResolvConf('domain home.arpa\n'), { servers: [], search: ['home.arpa'] });
});

test('macOS scutil: router, primary interface, DNS servers and search domains', () => {
  const text = `<dictionary> {
  PrimaryInterface : en0
  PrimaryService : 1C2D3E4F-0000-1111-2222-333344445555
  Router : 192.168.1.1
}
<dictionary> {
  SearchDomains : <array> {
    0 : corp.example
    1 : lan
  }
  ServerAddresses : <array> {
    0 : 192.168.1.1
    1 : 2001:db8::53
  }
}`;
  assert.deepEqual(parseScutilState(text), {
    defaultRoutes: [{ iface: 'en0', gateway: '192.168.1.1' }],
    servers: ['192.168.1.1', '2001:db8::53'],
    search: ['corp.example', 'lan'],
  });
  assert.deepEqual(parseScutilState('  No such key\n'), { defaultRoutes: [], servers: [], search: [] });
});

test('Windows route print: the numeric default-route rows, whatever the locale of the headers', () => {
  const text = `===========================================================================
Liste d'Interfaces
IPv4 Table de routage
===========================================================================
Itinéraires actifs :
Destination réseau    Masque réseau  Adr. passerelle   Adr. interface Métrique
          0.0.0.0          0.0.0.0      192.168.1.1    192.168.1.23     25
          0.0.0.0          0.0.0.0         On-link       10.8.0.2       5
===========================================================================`;
  assert.deepEqual(parseRoutePrint(text.replace(/\n/g, '\r\n')), [
    { iface: '192.168.1.23', gateway: '192.168.1.1' },
    { iface: '10.8.0.2', gateway: null },
  ]);
});

test('nmcli: the active SSID, with escaped colons; none when not on Wi-Fi', () => {
  assert.equal(parseNmcliActiveSsid('no:Neighbour\nyes:Cafe\\:5G\n'), 'Cafe:5G');
  assert.equal(parseNmcliActiveSsid('no:Neighbour\n'), null);
});
