// A lab inside a network namespace (`ip netns exec NS node lab-in-netns.js '<proxies JSON>'`):
// it listens on the namespace's loopback, the only one go and explain running there can reach.
// Prints one JSON line {name: url}, then serves until SIGTERM.
import { startLab, type LabProxyOptions } from '../../lab/index.js';

const proxies = JSON.parse(process.argv[2] ?? '[]') as LabProxyOptions[];
const lab = await startLab({ proxies });
process.stdout.write(JSON.stringify(Object.fromEntries(Object.values(lab.proxies).map((p) => [p.name, p.url]))) + '\n');
process.once('SIGTERM', () => void lab.close().then(() => process.exit(0)));
