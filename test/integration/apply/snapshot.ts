// A byte-exact picture of a directory tree (file bytes and modes, link targets, directories),
// to prove that an apply followed by undo leaves everything as it was.
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import path from 'node:path';

export type Entry = { kind: 'dir'; mode: number } | { kind: 'file'; mode: number; bytes: string } | { kind: 'link'; target: string };

export async function snapshot(root: string, skip: readonly string[] = []): Promise<Map<string, Entry>> {
  const out = new Map<string, Entry>();
  async function walk(dir: string): Promise<void> {
    for (const name of (await readdir(dir)).sort()) {
      const full = path.join(dir, name);
      const rel = path.relative(root, full);
      if (skip.some((s) => rel === s || rel.startsWith(s + path.sep))) continue;
      const st = await lstat(full);
      if (st.isSymbolicLink()) out.set(rel, { kind: 'link', target: await readlink(full) });
      else if (st.isDirectory()) {
        out.set(rel, { kind: 'dir', mode: st.mode & 0o7777 });
        await walk(full);
      } else out.set(rel, { kind: 'file', mode: st.mode & 0o7777, bytes: (await readFile(full)).toString('base64') });
    }
  }
  await walk(root);
  return out;
}

/** The paths whose entry differs between two snapshots (added, removed or changed). */
export function differences(a: Map<string, Entry>, b: Map<string, Entry>): string[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((k) => JSON.stringify(a.get(k)) !== JSON.stringify(b.get(k))).sort();
}
