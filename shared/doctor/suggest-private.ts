// GOPRIVATE suggestions from a project's module path and git remotes: the pattern that covers
// the organisation's code without covering anyone else's. On shared hosts (github.com, ...) that
// is host/owner; on a company's own host, the host.

const SHARED_HOSTS = new Set(['github.com', 'gitlab.com', 'bitbucket.org', 'gitee.com', 'codeberg.org', 'dev.azure.com']);
/** Hosts whose modules are public by nature: never suggest them as private. */
const PUBLIC_ROOTS = new Set(['golang.org', 'google.golang.org', 'gopkg.in', 'go.uber.org', 'k8s.io', 'sigs.k8s.io', 'cloud.google.com', 'go.opentelemetry.io']);

/** The path part of a git remote URL: host/owner/repo (no ".git"), or null. */
export function remoteToPath(remote: string): string | null {
  const scp = /^[\w.-]+@([\w.-]+):(?!\/)(.+)$/.exec(remote); // git@host:owner/repo.git
  let host: string;
  let rest: string;
  if (scp) {
    host = scp[1]!;
    rest = scp[2]!;
  } else {
    const url = /^(?:https?|ssh|git):\/\/(?:[^@/]*@)?([^/:]+)(?::\d+)?\/(.+)$/.exec(remote);
    if (!url) return null;
    host = url[1]!;
    rest = url[2]!;
  }
  const path = rest.replace(/\.git\/?$/, '').replace(/\/+$/, '');
  return path === '' ? null : `${host.toLowerCase()}/${path}`;
}

/** The GOPRIVATE pattern suggested for a module or repository path, or null (public or not fetchable). */
export function privatePatternFor(modulePath: string): string | null {
  const parts = modulePath.split('/');
  const host = parts[0] ?? '';
  if (!host.includes('.') || PUBLIC_ROOTS.has(host)) return null; // a local-only path, or public by nature
  if (SHARED_HOSTS.has(host)) return parts.length >= 2 ? `${host}/${parts[1]}` : null;
  return host;
}
