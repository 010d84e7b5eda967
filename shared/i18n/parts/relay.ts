// The engine catalogue's part for the relay: keys begin with "relay.". English first; a key
// missing in Chinese is a compile error.
//   relay.source.*   where the relay's chain came from (electron/core/relay/chain-source.ts)
//   relay.error.*    what went wrong while it runs (the chain file, the cache, one request)
//   relay.cli.*      `goproxyctl relay`'s lines and its refusals
// Values are code or another program's words and stay verbatim: URLs, GOPROXY values, paths, the
// operating system's error text.
export const relayEn = {
  'relay.source.profile': 'profile {name}',
  'relay.source.go-env': 'go env',
  'relay.source.flag': '--chain',

  'relay.error.read-chain': 'could not read the active chain: {error}; keeping {chain}',
  'relay.error.cache-write': 'could not cache {key}: {error}',
  'relay.error.request': '{target}: {error}',
  'relay.error.internal': 'internal error: {error}',
  'relay.error.history-write': 'could not write {count} latency samples to {dir}: {error}',

  'relay.cli.listening': 'goproxyctl relay: serving on {url} (Ctrl+C to stop)\n  chain ({source}): {chain}\n  use it: GOPROXY={url}|{chain}',
  'relay.cli.chain-error': 'the chain is not a valid GOPROXY: {error}; fix it with `goproxyctl use` or --chain',
  'relay.cli.cool-down': '{upstream} failed ({error}); skipped until {until}, re-probed then',
  'relay.cli.recovered': '{upstream} answers again',
  'relay.cli.from-cache': '(cache)',
  'relay.cli.stopped': 'relay stopped after {requests} ({hits} from the cache)',
  'relay.cli.requests.one': '{count} request',
  'relay.cli.requests.many': '{count} requests',
  'relay.cli.port-in-use': 'port {port} on 127.0.0.1 is already in use; pick another with --port or stop the program using it.',
  'relay.cli.bad-chain': "--chain is not a valid GOPROXY value ({error}); give entries separated by ',' or '|', e.g. https://goproxy.cn|https://proxy.golang.org,direct.",
  'relay.cli.bad-port': '--port takes a port number between 1 and 65535.',
  'relay.cli.bad-cache-size': '--cache-size takes a size in GB greater than 0, e.g. 4 or 0.5.',
} as const;

export const relayZh: Readonly<Record<keyof typeof relayEn, string>> = {
  'relay.source.profile': '配置方案“{name}”',
  'relay.source.go-env': '`go env`',
  'relay.source.flag': '--chain',

  'relay.error.read-chain': '无法读取当前的代理链（"{error}"）；继续使用 {chain}',
  'relay.error.cache-write': '无法缓存 {key}（"{error}"）',
  'relay.error.request': '{target}：请求处理失败（"{error}"）',
  'relay.error.internal': '内部错误（"{error}"）',
  'relay.error.history-write': '无法把 {count} 条延迟记录写入 {dir}（"{error}"）',

  'relay.cli.listening': '`goproxyctl relay`：已在 {url} 提供服务（按 `Ctrl+C` 停止）\n  代理链（{source}）：{chain}\n  使用方法：GOPROXY={url}|{chain}',
  'relay.cli.chain-error': '代理链不是有效的 GOPROXY（"{error}"）；请用 `goproxyctl use` 或 --chain 修正',
  'relay.cli.cool-down': '{upstream} 失败（"{error}"）；在 {until} 之前跳过它，届时重新探测',
  'relay.cli.recovered': '{upstream} 已恢复响应',
  'relay.cli.from-cache': '（缓存）',
  'relay.cli.stopped': '中继已停止，共处理 {requests}（其中 {hits} 个来自缓存）',
  'relay.cli.requests.one': '{count} 个请求',
  'relay.cli.requests.many': '{count} 个请求',
  'relay.cli.port-in-use': '127.0.0.1 上的端口 {port} 已被占用；请用 --port 换一个端口，或停止占用它的程序。',
  'relay.cli.bad-chain': '--chain 不是有效的 GOPROXY 值（"{error}"）；条目之间用 "," 或 "|" 分隔，例如 https://goproxy.cn|https://proxy.golang.org,direct。',
  'relay.cli.bad-port': '--port 需要 1 到 65535 之间的端口号。',
  'relay.cli.bad-cache-size': '--cache-size 需要一个大于 0 的大小（单位 GB），例如 4 或 0.5。',
};
