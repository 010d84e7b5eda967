// `direct`: what go does without a proxy for a module whose host it does not know by name —
// the ?go-get=1 lookup (cmd/go/internal/vcs RepoRootForImportPath), then the git smart-HTTP
// advertisement that `git fetch` starts with.
import type { ProbeFailure, ProbeSample } from '../../../shared/bench/types.js';
import { makeFailure } from './failure.js';
import { judge, withError } from './judge.js';
import { resolveCaps, type ProbeOptionsBase } from './options.js';
import type { ModuleRef } from './probe-proxy.js';
import { parseGoImports } from './protocol-checks.js';
import { runSample } from './sample-runner.js';
import { msg } from '../../../shared/i18n/message.js';

export type ProbeDirectOptions = ProbeOptionsBase;

/** The go-import entry for `modulePath`: the one whose prefix is the path or a parent of it. */
export function pickGoImport(html: string, modulePath: string): { prefix: string; vcs: string; repoRoot: string } | null {
  const matches = parseGoImports(html).filter((m) => m.vcs !== 'mod' && (modulePath === m.prefix || modulePath.startsWith(`${m.prefix}/`)));
  return matches[0] ?? null;
}

export async function probeDirect(module: ModuleRef, opts: ProbeDirectOptions = {}): Promise<ProbeSample> {
  const caps = resolveCaps(opts.maxBodyBytes);
  // go asks https://<import path>?go-get=1 (http only under GOINSECURE, which a probe does not assume).
  const goGetUrl = `https://${module.path}?go-get=1`;
  return runSample({
    candidate: 'direct',
    kind: 'direct',
    origin: null,
    credentials: null,
    opts,
    body: async (ctx) => {
      const goGet = await ctx.fetch({ request: 'go-get', url: goGetUrl, maxBytes: caps.small });
      const where = new URL(goGetUrl).host;
      let meta: ReturnType<typeof pickGoImport> = null;
      let err: ProbeFailure | null = judge(goGet, where, (b) => {
        meta = pickGoImport(b.toString('utf8'), module.path);
        if (!meta) return msg('bench.check.noGoImport', { module: module.path });
        if (meta.vcs !== 'git') return msg('bench.check.vcsNotGit', { vcs: meta.vcs });
        return null;
      });
      ctx.record(withError(goGet.timing, err));
      if (err || !meta) return { error: err };
      const repoRoot = (meta as { repoRoot: string }).repoRoot.replace(/\/+$/, '');
      let refsUrl: URL;
      try {
        refsUrl = new URL(`${repoRoot}/info/refs?service=git-upload-pack`);
      } catch {
        return { error: makeFailure('protocol', null, msg('bench.probe.goImportNotUrl', { where })) };
      }
      const refs = await ctx.fetch({ request: 'info-refs', url: refsUrl.href, maxBytes: caps.small });
      err = judge(refs, refsUrl.host, (b) => {
        const type = refs.headers['content-type'];
        if (type !== 'application/x-git-upload-pack-advertisement') return msg('bench.check.notGitAdvert', { type: type === undefined ? msg('bench.check.noContentType') : String(type) });
        if (!b.subarray(0, 4).toString('latin1').match(/^[0-9a-f]{4}$/)) return msg('bench.check.notPktLine');
        return null;
      }, { truncationAllowed: true });
      ctx.record(withError(refs.timing, err));
      return { error: err };
    },
  });
}
