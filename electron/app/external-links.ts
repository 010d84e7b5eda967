// Which links may leave the app for the system browser: https only, to hosts a Go user
// expects (documentation and the well-known proxies). Anything else is simply not opened.
export const EXTERNAL_HOSTS = ['go.dev', 'pkg.go.dev', 'proxy.golang.org', 'sum.golang.org', 'goproxy.cn', 'goproxy.io', 'mirrors.aliyun.com', 'github.com'] as const;

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.username === '' && url.password === '' && url.port === '' && (EXTERNAL_HOSTS as readonly string[]).includes(url.hostname);
}
