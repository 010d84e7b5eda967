// Runs a lab inside the benchmark's network namespace (`ip netns exec NS node lab-in-netns.js
// '<proxies JSON>'`): the lab listens on the namespace's loopback, the only one the watcher there
// can reach. Prints one JSON line {proxies: {name: url}, module: "path@version"}, then serves until
// SIGTERM/SIGINT.
import { startLab, type LabProxyOptions } from '../../lab/index.js';

const proxies = JSON.parse(process.argv[2] ?? '[]') as LabProxyOptions[];
const lab = await startLab({ proxies });
const mod = lab.modules[0]!;
process.stdout.write(JSON.stringify({ proxies: Object.fromEntries(Object.values(lab.proxies).map((p) => [p.name, p.url])), module: `${mod.path}@${mod.version}` }) + '\n');
const stop = (): void => {
  void lab.close().then(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
