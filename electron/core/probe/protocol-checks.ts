// What a body must look like for go to accept it (go.dev/ref/mod#goproxy-protocol). Each check
// returns null when the body is acceptable, else a message saying what is wrong. Strict where
// go is strict (the .info version, the zip's first entry prefix), lenient where go is lenient
// (comments and blank lines in go.mod, timestamps after versions in a list).
import { msg, type Message } from '../../../shared/i18n/message.js';

/** Go's module.EscapePath / EscapeVersion: an upper-case letter becomes '!' + lower-case. */
export function escapeModuleText(s: string): string {
  return s.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`);
}

const SEMVER_PREFIX = /^v[0-9]+\.[0-9]+\.[0-9]+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

export function checkList(body: string): Message | null {
  for (const line of body.split('\n')) {
    const version = line.trim().split(/\s+/)[0] ?? '';
    if (version === '') continue;
    if (!SEMVER_PREFIX.test(version)) return msg('bench.check.listNotSemver', { version: version.slice(0, 40) });
  }
  return null;
}

export function checkInfo(body: string, expectedVersion: string | null): Message | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return msg('bench.check.infoNotJson');
  }
  const info = parsed as { Version?: unknown; Time?: unknown } | null;
  if (!info || typeof info !== 'object' || typeof info.Version !== 'string' || info.Version === '') return msg('bench.check.infoNoVersion');
  if (expectedVersion !== null && info.Version !== expectedVersion) {
    // modfetch/proxy.go: "proxy returned info for version X instead of requested version Y"
    return msg('bench.check.infoOtherVersion', { got: info.Version, wanted: expectedVersion });
  }
  if (info.Time !== undefined && (typeof info.Time !== 'string' || Number.isNaN(Date.parse(info.Time)))) return msg('bench.check.infoBadTime');
  return null;
}

function unquote(token: string): string {
  if (token.startsWith('"') && token.endsWith('"') && token.length >= 2) {
    try {
      return JSON.parse(token) as string;
    } catch {
      return token;
    }
  }
  if (token.startsWith('`') && token.endsWith('`') && token.length >= 2) return token.slice(1, -1);
  return token;
}

/** The go.mod must declare `module <path>` (anywhere, as go.mod allows), for the requested path. */
export function checkMod(body: string, modulePath: string): Message | null {
  if (body.includes('\u0000')) return msg('bench.check.modBinary');
  for (const raw of body.replace(/^\uFEFF/, '').split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    const m = /^module\s+(\S+)$/.exec(line) ?? /^module\s*\(\s*(\S+)\s*\)$/.exec(line);
    if (!m) continue;
    const declared = unquote(m[1] ?? '');
    if (declared !== modulePath) return msg('bench.check.modOtherModule', { declared: declared.slice(0, 80), module: modulePath });
    return null;
  }
  return msg('bench.check.modNoModuleLine');
}

const ZIP_LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** A module zip starts with a local file header whose name is under "<path>@<version>/". */
export function checkZipHead(head: Buffer, modulePath: string, version: string): Message | null {
  if (head.length < 4 || !head.subarray(0, 4).equals(ZIP_LOCAL_HEADER)) return msg('bench.check.zipNotZip');
  if (head.length < 30) return msg('bench.check.zipTruncatedHeader');
  const nameLen = head.readUInt16LE(26);
  if (head.length < 30 + nameLen) return null; // capped read cut the name: nothing more to judge
  const name = head.subarray(30, 30 + nameLen).toString('utf8');
  const prefix = `${modulePath}@${version}/`;
  if (!name.startsWith(prefix)) return msg('bench.check.zipOutsidePrefix', { name: name.slice(0, 80), prefix });
  return null;
}

/** A signed tree note: "<origin>\n<size>\n<base64 hash>\n\n— <name> <sig>\n" (golang.org/x/mod/sumdb/note). */
export function checkSumdbLatest(body: string): Message | null {
  const blank = body.indexOf('\n\n');
  if (blank < 0) return msg('bench.check.noteUnsigned');
  const lines = body.slice(0, blank).split('\n');
  if (lines.length < 3) return msg('bench.check.noteTooShort');
  if (!/^[0-9]+$/.test(lines[1] ?? '')) return msg('bench.check.noteNoSize');
  if (!/^[A-Za-z0-9+/]{43}=$/.test(lines[2] ?? '')) return msg('bench.check.noteNoHash');
  const sigs = body.slice(blank + 2).split('\n').filter((l) => l !== '');
  if (sigs.length === 0 || !sigs.every((l) => /^\u2014 \S+ [A-Za-z0-9+/=]+$/.test(l))) return msg('bench.check.noteNoSignature');
  return null;
}

/** The go-import meta tags of a ?go-get=1 page (cmd/go/internal/vcs discovery), in order. */
export function parseGoImports(html: string): { prefix: string; vcs: string; repoRoot: string }[] {
  const out: { prefix: string; vcs: string; repoRoot: string }[] = [];
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    const attr = (name: string): string | null => {
      const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
      return m ? (m[1] ?? m[2] ?? m[3] ?? '') : null;
    };
    if (attr('name')?.toLowerCase() !== 'go-import') continue;
    const fields = (attr('content') ?? '').trim().split(/\s+/);
    if (fields.length < 3) continue;
    const [prefix = '', vcs = '', repoRoot = ''] = fields;
    out.push({ prefix, vcs, repoRoot });
  }
  return out;
}
