// go.sum hashes ("h1:"), as golang.org/x/mod/sumdb/dirhash computes them: Hash1 is the SHA-256 of
// the summary "<hex sha256 of file>  <name>\n" over the sorted file names, base64 (standard).
// HashZip names each file as it appears in the zip ("<path>@<version>/..."); HashGoMod hashes a
// single file named "go.mod".
import { createHash } from 'node:crypto';
import { readZipEntries } from '../zipread.js';

export function hash1(files: readonly { name: string; data: Buffer | string }[]): string {
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const summary = createHash('sha256');
  for (const f of sorted) {
    if (f.name.includes('\n')) throw new Error('dirhash: filenames with newlines are not supported');
    summary.update(`${createHash('sha256').update(f.data).digest('hex')}  ${f.name}\n`);
  }
  return `h1:${summary.digest('base64')}`;
}

/** dirhash.HashZip(zip, Hash1): the hash of the module zip go downloads (the `<path> <version>` go.sum line). */
export function hashZip(zip: Buffer): string {
  return hash1(readZipEntries(zip).map((e) => ({ name: e.name, data: e.data })));
}

/** The `<path> <version>/go.mod` go.sum line's hash (modfetch's goModSum). */
export function hashGoMod(mod: string): string {
  return hash1([{ name: 'go.mod', data: mod }]);
}
