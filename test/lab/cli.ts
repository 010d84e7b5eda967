// `npm run lab [scenario] [--json]`: starts a scenario, prints how to point `go` at it, serves the
// control API, and stays up until SIGINT/SIGTERM.
import { startControlServer } from './control.js';
import { describeFaults } from './faults.js';
import { startLab } from './lab.js';
import { SCENARIOS } from './scenarios.js';
import type { Lab } from './types.js';

const USAGE = `usage: npm run lab -- [scenario] [--json]\nscenarios: ${Object.keys(SCENARIOS).join(', ')}`;

function parseArgs(argv: string[]): { scenario: string; json: boolean } | { error: string } | { help: true } {
  let scenario = 'china-like';
  let json = false;
  let named = false;
  for (const a of argv) {
    if (a === '--json') json = true;
    else if (a === '--help' || a === '-h') return { help: true };
    else if (a.startsWith('-')) return { error: `unknown option ${a}` };
    else if (named) return { error: `one scenario at a time (got "${scenario}" and "${a}")` };
    else {
      scenario = a;
      named = true;
    }
  }
  if (!SCENARIOS[scenario]) return { error: `unknown scenario "${scenario}"` };
  return { scenario, json };
}

/** A chain that starts with a fault is the scenario's point: say so, so nobody waits in vain. */
function faultyFirst(proxies: Lab['proxies'][string][]): string[] {
  const first = proxies[0];
  if (!first || describeFaults(first.faults) === 'healthy' || !first.faults.mode) return [];
  return [`  # ${first.name} is ${first.faults.mode} on purpose: go stalls on it; \`goproxyctl explain\` and \`goproxyctl bench\` show why`];
}

function humanReport(lab: Lab, scenario: string, controlUrl: string): string {
  const proxies = Object.values(lab.proxies);
  const width = Math.max(...proxies.map((p) => p.name.length));
  const lines = [`goproxyctl lab: scenario "${scenario}"`, `  ${SCENARIOS[scenario]!.description}`, ''];
  for (const p of proxies) lines.push(`  ${p.name.padEnd(width)}  ${p.url.padEnd(28)}  ${describeFaults(p.faults)}`);
  // The checksum database is not a module proxy: it stays out of GOPROXY.
  const databases = new Set(SCENARIOS[scenario]!.proxies.filter((o) => o.checksumDatabase).map((o) => o.name));
  const chain = proxies.filter((p) => !databases.has(p.name)).map((p) => p.url).join('|');
  const database = proxies.find((p) => databases.has(p.name));
  const first = lab.modules.find((m) => m.path.endsWith('/BigCorp/Tool')) ?? lab.modules[0]!;
  lines.push(
    '',
    'Point go at it (temporary caches, no checksum database, the lab CA trusted):',
    `  export GOPROXY='${chain}'`,
    ...faultyFirst(proxies),
    `  export GOSUMDB=off GOTOOLCHAIN=local GOFLAGS=-mod=mod`,
    `  # or verify checksums against the lab's signed database (through the proxies that serve /sumdb/${lab.checksumDb.name}/):`,
    `  # export GOSUMDB='${lab.checksumDb.verifierKey}'`,
    ...(database ? [`  # or straight at the database: export GOSUMDB='${lab.checksumDb.gosumdb(database.url)}'`] : []),
    `  export GOMODCACHE=${lab.dir}/gopath/pkg/mod SSL_CERT_FILE=${lab.caCertFile}`,
    `  go mod download -json ${first.path}@${first.version}`,
    '',
    `Control API: ${controlUrl}`,
    `  curl ${controlUrl}/proxies`,
    `  curl -X PUT -d '{"status":502}' ${controlUrl}/proxies/${proxies[0]!.name}/faults`,
    `  curl ${controlUrl}/proxies/${proxies[0]!.name}/log`,
    '',
    'Ctrl-C stops the lab.',
  );
  return lines.join('\n');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if ('help' in args) {
    console.log(USAGE);
    return;
  }
  if ('error' in args) {
    console.error(`${args.error}; ${USAGE.replace('\n', '; ')}`);
    process.exit(2);
  }
  const scenario = SCENARIOS[args.scenario]!;
  const lab = await startLab({
    proxies: scenario.proxies,
    ...(scenario.modules ? { modules: scenario.modules } : {}),
    ...(scenario.checksumDb ? { checksumDb: scenario.checksumDb } : {}),
  });
  const control = await startControlServer(lab);
  if (args.json) {
    console.log(JSON.stringify({
      scenario: args.scenario,
      controlUrl: control.url,
      caCertFile: lab.caCertFile,
      checksumDbKey: lab.checksumDb.verifierKey,
      goproxy: Object.values(lab.proxies).filter((p) => !scenario.proxies.some((o) => o.name === p.name && o.checksumDatabase)).map((p) => p.url).join('|'),
      proxies: Object.values(lab.proxies).map((p) => ({ name: p.name, url: p.url, tls: p.tls, faults: describeFaults(p.faults) })),
      modules: lab.modules.map((m) => `${m.path}@${m.version}`),
    }));
  } else {
    console.log(humanReport(lab, args.scenario, control.url));
  }
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void Promise.all([control.close(), lab.close()]).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`lab failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
