#!/usr/bin/env node
// `npm run demo`: headless mode against the lab's china-like scenario (default proxy black-holed,
// a fast mirror, a flaky one), under the lab's temporary HOME with GOPROXY set to the default chain, so
// anyone can watch explain show why `go` fails and which chain works, without touching their own
// configuration or the internet. Ctrl+C stops everything and removes the lab's temporary HOME.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
for (const [cmd, args] of [[path.join(root, 'node_modules', '.bin', 'tsc'), ['-b']], [process.execPath, [vite, 'build', '--logLevel', 'warn']]]) {
  if (spawnSync(cmd, args, { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
}

const { startLab, SCENARIOS } = await import(pathToFileURL(path.join(root, 'dist', 'test', 'lab', 'index.js')).href);
const scenario = SCENARIOS['china-like'];
const lab = await startLab({ proxies: scenario.proxies, modules: scenario.modules });
// The lab's environment has its own temporary HOME, GOPATH and caches, removed by lab.close().
const env = lab.goEnv({ GOPROXY: `${lab.proxies.default.url},direct` });
console.log(`demo: ${scenario.description}`);
for (const [name, p] of Object.entries(lab.proxies)) console.log(`demo:   ${name.padEnd(13)} ${p.url}`);
const example = lab.modules[0];
console.log(`demo: GOPROXY=${env.GOPROXY}. In the dashboard, explain ${example.path}@${example.version}: go waits on the black hole`);
console.log(`demo: and gives up (after "," only a 404 or 410 moves on to direct), while ${lab.proxies['mirror-fast'].url} would serve it.`);

// The probe module is a lab module: the lab serves only its fixtures, and a benchmark or health
// check asking for a public module would find every lab proxy "reachable, does not have" it.
const dist = (file) => pathToFileURL(path.join(root, 'dist', 'electron', 'core', ...file.split('/'))).href;
const { loadSettings, saveSettings } = await import(dist('service/settings-file.js'));
const { productDirs } = await import(dist('apply/index.js'));
const configDir = productDirs(env).config;
await saveSettings(configDir, { ...(await loadSettings(configDir)), probeModule: `${example.path}@${example.version}` });
console.log(`demo: probe module (Benchmark view, bench, watch): ${example.path}@${example.version}`);

const child = spawn(process.execPath, [path.join(root, 'bin', 'goproxyctl.js'), 'serve', ...process.argv.slice(2)], { env, cwd: env.HOME, stdio: 'inherit' });
let stopping = false;
const stop = async (code) => {
  if (stopping) return;
  stopping = true;
  child.kill('SIGTERM');
  await lab.close();
  process.exit(code);
};
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => void stop(0));
child.on('exit', (code) => void stop(code ?? 0));
