// proxyForUrl against the real thing: net/http.ProxyFromEnvironment in a program built by the
// real go, run once per case with the case's environment (it reads the environment only once).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { proxyForUrl } from '../../../shared/net/proxy-env.js';

const GO = '/usr/lib/go-1.23/bin/go';
// go's build cache is safe to share between runs and processes; a fresh one would rebuild net/http (~40 s).
const PROGRAM = `package main

import (
	"fmt"
	"net/http"
	"os"
)

func main() {
	req, err := http.NewRequest("GET", os.Args[1], nil)
	if err != nil {
		fmt.Print("BADURL")
		return
	}
	u, err := http.ProxyFromEnvironment(req)
	switch {
	case err != nil:
		fmt.Print("ERROR")
	case u == nil:
		fmt.Print("DIRECT")
	default:
		fmt.Print(u.String())
	}
}
`;

let dir = '';
let binary = '';
before(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'proxyenv-'));
  writeFileSync(path.join(dir, 'main.go'), PROGRAM);
  binary = path.join(dir, 'proxyenv');
  execFileSync(GO, ['build', '-o', binary, 'main.go'], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', HOME: dir, GOCACHE: path.join(os.tmpdir(), 'goproxyctl-test-gocache'), GOPATH: path.join(dir, 'gopath'), GOFLAGS: '', GO111MODULE: 'off', GOTOOLCHAIN: 'local' },
    stdio: 'pipe',
    timeout: 120_000,
  });
});
after(() => rmSync(dir, { recursive: true, force: true, maxRetries: 10 }));

function goSays(url: string, env: Record<string, string>): string {
  return execFileSync(binary, [url], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 10_000 });
}

function weSay(url: string, env: Record<string, string>): string {
  try {
    return proxyForUrl(url, env) ?? 'DIRECT';
  } catch {
    return 'ERROR';
  }
}

const P = 'http://proxy.example:3128';
// Cases from httpproxy's proxy_test.go and the corners of its NO_PROXY grammar.
const CASES: [string, Record<string, string>][] = [
  ['https://goproxy.cn/x', { HTTPS_PROXY: P }],
  ['https://goproxy.cn/x', { https_proxy: P }],
  ['https://goproxy.cn/x', { HTTPS_PROXY: P, https_proxy: 'http://lower:1' }],
  ['https://goproxy.cn/x', { HTTPS_PROXY: '', https_proxy: 'http://lower:1' }],
  ['https://goproxy.cn/x', { HTTP_PROXY: P }],
  ['http://goproxy.cn/x', { HTTP_PROXY: P }],
  ['http://goproxy.cn/x', { HTTP_PROXY: P, REQUEST_METHOD: 'GET' }],
  ['https://goproxy.cn/x', { HTTPS_PROXY: P, REQUEST_METHOD: 'GET' }],
  ['https://goproxy.cn/x', { HTTPS_PROXY: 'proxy.example:3128' }],
  ['https://goproxy.cn/x', { HTTPS_PROXY: 'https://secure.proxy:443' }],
  ['https://goproxy.cn/x', { HTTPS_PROXY: 'socks5://s:1080' }],
  ['https://localhost/x', { HTTPS_PROXY: P }],
  ['https://localhost:8443/x', { HTTPS_PROXY: P }],
  ['https://127.0.0.1/x', { HTTPS_PROXY: P }],
  ['https://127.1.2.3:99/x', { HTTPS_PROXY: P }],
  ['https://[::1]:99/x', { HTTPS_PROXY: P }],
  ['https://[::ffff:127.0.0.1]/x', { HTTPS_PROXY: P }],
  ['https://goproxy.cn/x', { HTTPS_PROXY: P, NO_PROXY: '*' }],
  ['https://goproxy.cn/x', { HTTPS_PROXY: P, NO_PROXY: 'goproxy.cn' }],
  ['https://sub.goproxy.cn/x', { HTTPS_PROXY: P, NO_PROXY: 'goproxy.cn' }],
  ['https://notgoproxy.cn/x', { HTTPS_PROXY: P, NO_PROXY: 'goproxy.cn' }],
  ['https://goproxy.cn/x', { HTTPS_PROXY: P, NO_PROXY: '.goproxy.cn' }],
  ['https://sub.goproxy.cn/x', { HTTPS_PROXY: P, NO_PROXY: '.goproxy.cn' }],
  ['https://goproxy.cn/x', { HTTPS_PROXY: P, NO_PROXY: '*.goproxy.cn' }],
  ['https://a.goproxy.cn/x', { HTTPS_PROXY: P, NO_PROXY: '*.goproxy.cn' }],
  ['https://goproxy.cn/x', { HTTPS_PROXY: P, no_proxy: 'GOPROXY.CN' }],
  ['https://goproxy.cn/x', { HTTPS_PROXY: P, NO_PROXY: 'other.org, goproxy.cn ' }],
  ['https://goproxy.cn/x', { HTTPS_PROXY: P, NO_PROXY: 'goproxy.cn:443' }],
  ['https://goproxy.cn/x', { HTTPS_PROXY: P, NO_PROXY: 'goproxy.cn:8443' }],
  ['https://goproxy.cn:8443/x', { HTTPS_PROXY: P, NO_PROXY: 'goproxy.cn:8443' }],
  ['http://goproxy.cn/x', { HTTP_PROXY: P, NO_PROXY: 'goproxy.cn:80' }],
  ['https://10.1.2.3/x', { HTTPS_PROXY: P, NO_PROXY: '10.0.0.0/8' }],
  ['https://11.1.2.3/x', { HTTPS_PROXY: P, NO_PROXY: '10.0.0.0/8' }],
  ['https://[2001:db8::1]/x', { HTTPS_PROXY: P, NO_PROXY: '2001:db8::/32' }],
  ['https://[2001:db9::1]/x', { HTTPS_PROXY: P, NO_PROXY: '2001:db8::/32' }],
  ['https://[::ffff:10.1.1.1]/x', { HTTPS_PROXY: P, NO_PROXY: '10.0.0.0/8' }],
  ['https://10.1.2.3/x', { HTTPS_PROXY: P, NO_PROXY: '10.1.2.3' }],
  ['https://10.1.2.3:8443/x', { HTTPS_PROXY: P, NO_PROXY: '10.1.2.3:443' }],
  ['https://10.1.2.3/x', { HTTPS_PROXY: P, NO_PROXY: '10.1.2.3:443' }],
  ['https://[2001:db8::1]/x', { HTTPS_PROXY: P, NO_PROXY: '[2001:db8::1]:443' }],
  ['https://[2001:db8::1]/x', { HTTPS_PROXY: P, NO_PROXY: '2001:db8::1' }],
  ['https://10.1.2.3/x', { HTTPS_PROXY: P, NO_PROXY: '.2.3' }],
  ['https://goproxy.cn/x', { HTTPS_PROXY: P, NO_PROXY: ',,  ,' }],
  ['https://goproxy.cn/x', { HTTPS_PROXY: P, NO_PROXY: ':443' }],
  ['https://goproxy.cn./x', { HTTPS_PROXY: P, NO_PROXY: 'goproxy.cn' }],
  ['https://goproxy.cn/x', { HTTPS_PROXY: P, NO_PROXY: '*.cn' }],
  ['https://goproxy.cn/x', { HTTPS_PROXY: P, NO_PROXY: 'cn' }],
];

test('proxyForUrl agrees with go on every case', () => {
  const mismatches: string[] = [];
  for (const [url, env] of CASES) {
    const go = goSays(url, env);
    const ours = weSay(url, env);
    if (go !== ours) mismatches.push(`${url} ${JSON.stringify(env)}: go ${go}, ours ${ours}`);
  }
  assert.deepEqual(mismatches, []);
});

test('the differential is not vacuous: go itself gives all three answers', () => {
  const answers = new Set(CASES.map(([url, env]) => goSays(url, env)).map((a) => (a === 'DIRECT' || a === 'ERROR' ? a : 'PROXY')));
  assert.deepEqual([...answers].sort(), ['DIRECT', 'ERROR', 'PROXY']);
});
