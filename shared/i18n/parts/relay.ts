// The engine catalogue's part for the relay: keys begin with "relay.". English first; a key
// missing in Chinese is a compile error.
//   relay.source.*   where the relay's chain came from (electron/core/relay/chain-source.ts)
//   relay.error.*    what went wrong while it runs (the chain file, the cache, one request)
//   relay.cli.*      `goproxyctl relay`'s lines and its refusals
//   relay.supervisor.*  the relay `goproxyctl watch` runs for a profile: one line per event (supervisor.ts)
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
  'relay.error.port-busy': 'port {port} on 127.0.0.1 is in use (another goproxyctl relay?), so the relay does not run here; go still falls back to the chain',
  'relay.error.start-failed': 'the relay could not start on port {port}: {error}',
  'relay.error.no-chain': 'could not read the active chain ({error}), so the relay does not run',

  'relay.supervisor.listening': 'relay: serving on {url} for the chain {chain}',
  'relay.supervisor.stopped': 'relay: stopped on port {port}: {why}',
  'relay.supervisor.why-off-chain': 'the active chain no longer goes through the relay',
  'relay.supervisor.why-moved': 'the active chain moved the relay to port {port}',
  'relay.supervisor.chain-error': 'relay: the chain is not a valid GOPROXY: {error}',
  'relay.supervisor.chain': 'relay: now walking {chain} ({source})',
  'relay.supervisor.cool-down': 'relay: {upstream} failed ({error}); skipped until {until}',
  'relay.supervisor.recovered': 'relay: {upstream} answers again',
  'relay.supervisor.error': 'relay: {error}',

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
  'relay.error.port-busy': '127.0.0.1 上的端口 {port} 已被占用（也许是另一个 goproxyctl 中继？），所以中继没有在这里运行；go 仍会按代理链回退',
  'relay.error.start-failed': '中继无法在端口 {port} 上启动（"{error}"）',
  'relay.error.no-chain': '无法读取当前的代理链（"{error}"），所以中继没有运行',

  'relay.supervisor.listening': '中继：已在 {url} 为代理链 {chain} 提供服务',
  'relay.supervisor.stopped': '中继：已停止监听端口 {port}：{why}',
  'relay.supervisor.why-off-chain': '当前代理链不再经过中继',
  'relay.supervisor.why-moved': '当前代理链把中继移到了端口 {port}',
  'relay.supervisor.chain-error': '中继：代理链不是有效的 GOPROXY（"{error}"）',
  'relay.supervisor.chain': '中继：现在按代理链 {chain} 转发（{source}）',
  'relay.supervisor.cool-down': '中继：{upstream} 失败（"{error}"）；在 {until} 之前跳过它',
  'relay.supervisor.recovered': '中继：{upstream} 已恢复响应',
  'relay.supervisor.error': '中继：{error}',

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
