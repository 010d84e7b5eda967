// Child process for the kill -9 test: writes the target over and over with atomicWrite,
// alternating between two big, distinguishable versions, until it is killed.
import { atomicWrite } from '../../../electron/core/apply/atomic-write.js';
import { readFileSync } from 'node:fs';

const [target, versionA, versionB] = process.argv.slice(2) as [string, string, string];
const versions = [readFileSync(versionA), readFileSync(versionB)];
process.stdout.write('ready\n');
for (let i = 0; ; i++) await atomicWrite(target, versions[i % 2]!);
