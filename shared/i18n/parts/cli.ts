// The engine catalogue's part for cli: keys begin with "cli.". English first; a key missing in
// Chinese is a compile error.
// The CLI's shell (electron/cli/run.ts, args.ts, help.ts): the help of every command, laid out by
// help.ts, and the sentences run.ts says about the command line itself. Code inside a sentence
// (commands, options, file names, JSON fields) stays verbatim, in backticks where it is not an
// --option; help texts are wrapped by hand at about 100 columns, further lines of an option's or
// an exit code's text are indented by help.ts.
export const cliEn = {
  // The command line.
  'cli.error.with-hint': '{error} {hint}',
  'cli.error.unknown-command': 'unknown command "{name}".',
  'cli.error.did-you-mean-command': 'Did you mean `{command}`?',
  'cli.error.list-commands': 'Run `{command}` to list the commands.',
  'cli.error.unknown-option': 'unknown option {option}.',
  'cli.error.did-you-mean-option': 'Did you mean {guess}?',
  'cli.error.see-help': 'Run `{command}` for usage.',
  'cli.error.missing-value': '{option} needs a value: {option} {value}.',
  'cli.error.value-not-allowed': '{option} takes no value; give {option} alone.',
  'cli.error.unexpected-argument': 'unexpected argument "{arg}": `{command}` takes options only.',
  'cli.error.bad-arguments': 'the arguments could not be read.',
  'cli.error.bad-lang': '--lang "{lang}" is not a language goproxyctl speaks; use --lang en or --lang zh.',
  'cli.error.interrupted': 'interrupted.',
  'cli.error.exit-code': 'exit code {code}',

  // The layout of every help.
  'cli.help.usage': 'Usage:',
  'cli.help.sentence': '{text}.',
  'cli.help.subcommands': 'Subcommands:',
  'cli.help.options': 'Options:',
  'cli.help.examples': 'Examples:',
  'cli.help.exit-codes': 'Exit codes:',
  'cli.help.commands': 'Commands:',
  'cli.help.repeatable': '{text} (repeatable)',
  'cli.help.option.json': 'machine-readable JSON on stdout (a failure too, as an `error` object)',
  'cli.help.option.lang': "the language of the output (default: the app's language setting, else the OS locale)",
  'cli.help.option.help': 'show this help',
  'cli.help.option.version': 'print the version',
  'cli.help.exit.ok': 'success',
  'cli.help.exit.failed': 'the operation failed (e.g. go would fail)',
  'cli.help.exit.usage': 'bad input (unknown option, missing or invalid value)',
  'cli.help.exit.interrupted': 'interrupted (`Ctrl+C`, SIGTERM)',
  'cli.help.global.title': 'goproxyctl {version}: benchmark, explain, apply and repair your Go module proxy chain',
  'cli.help.global.notes':
    'The common options may come before the command too: `goproxyctl --lang zh explain golang.org/x/mod`.\n' +
    '`goproxyctl help <command>` (or `goproxyctl <command> --help`) shows a command\'s options.',

  // explain
  'cli.explain.summary': 'Show what `go` would do for a module with your current configuration',
  'cli.explain.about':
    'Walks your GOPROXY chain for the module exactly as go does ("," falls through only on 404/410,\n' +
    '"|" on any error; direct and off end the list; GONOPROXY/GOPRIVATE go direct), asking each entry\n' +
    'the question go would ask, with the credentials go would send (.netrc, user:password in the URL\n' +
    'over https only, GOAUTH for go >= 1.24), and prints the verdict and the fix. Without a version,\n' +
    'it asks for the latest version (@v/list, then @latest).\n' +
    "Stalls are reported as go ends them: no connection -> an error after go's 30 s dial timeout; a\n" +
    'stalled TLS handshake -> an error after 10 s; connected but no answer (or a body that stops) ->\n' +
    'go hangs forever, whatever the separator (`"outcome": "hang"`).\n' +
    'With --json: one JSON object with `module`, `version`, `outcome` (`served`, `failed` or `hang`),\n' +
    "`steps` (`goWaitsSeconds`: go's own wait before that error), `servedBy`, `error`, `fix`.",
  'cli.explain.option.timeout': 'how long to wait before a stage counts as stalled (default 10000)',
  'cli.explain.exit.ok': 'go would get the module',
  'cli.explain.exit.failed': 'go would fail or hang',

  // env
  'cli.env.summary': 'Show the effective Go proxy configuration and where each value comes from',
  'cli.env.about':
    'Reads the configuration the way go does (environment, the go env file, $GOROOT/go.env, built-in\n' +
    "defaults) and shows each variable's value, its source, and what it overrides.",
  'cli.env.exit.ok': 'the configuration was read',
  'cli.env.exit.failed': 'it could not be read (go could not be run)',

  // bench
  'cli.bench.summary': 'Benchmark Go module proxies with the real protocol and recommend a GOPROXY chain',
  'cli.bench.about':
    'Asks every candidate for a module exactly as go does (@v/list, @latest, .info, .mod, a capped .zip\n' +
    'read, the checksum-database check), times each phase, repeats the samples, then scores the\n' +
    'candidates by the time the real go would take to fetch a workload through each, and recommends a\n' +
    'GOPROXY (and GOSUMDB) with the command that applies it. The workload is your project\'s module graph\n' +
    "with --project (from its go.sum, sized by its .zip files' `Content-Length`), else a representative\n" +
    '100-module graph. Without --proxies the candidates are the built-in public proxies plus your\n' +
    'current GOPROXY. The checksum databases sum.golang.org and sum.golang.google.cn are always probed,\n' +
    'for the GOSUMDB advice. Every run is added to the latency history.\n' +
    'With --json: one JSON object with `durationMs`, `results` and `recommendation`.',
  'cli.bench.option.proxies': 'the proxies to benchmark ("direct" allowed) instead of the built-in ones',
  'cli.bench.option.module':
    "the module to ask for (default: the probe module in the settings, as the dashboard's Benchmark\n" +
    'view sets it, else {module}); a proxy that answers 404/410 for it is reachable, but does not\n' +
    'have it',
  'cli.bench.option.samples': 'samples per candidate, 1-20 (default 3)',
  'cli.bench.option.timeout': 'the longest one sample may take in milliseconds, 100-600000 (default {timeout})',
  'cli.bench.option.concurrency': 'candidates probed at once, 1-64 (default 8)',
  'cli.bench.option.project': "rank for this Go module's graph (the directory with go.mod)",
  'cli.bench.option.save-profile':
    'save the advice as your profile ID (based on the active profile, so its private settings stay),\n' +
    'to apply with `goproxyctl use ID`',
  'cli.bench.exit.ok': 'at least one proxy (or direct) works',
  'cli.bench.exit.failed': 'none works',

  // use
  'cli.use.summary': 'Apply a profile: the go env file and your shells, verified with go, undoable',
  'cli.use.about':
    "Writes the profile's Go variables with `go env -w` semantics (the go env file; `-u` for the ones it\n" +
    "leaves unset), and a managed block in each shell's startup file that loads goproxyctl's own env\n" +
    'script, so terminals agree with go. Then checks, with the real go, what a new process and a new\n' +
    'bash terminal get, and names whatever still overrides the profile (an export in ~/.bashrc, a\n' +
    'variable in your current shell). `goproxyctl undo` restores every file byte for byte.',
  'cli.use.option.shells':
    "which shells to write, e.g. bash,zsh,fish,pwsh (default: the profile's, else your login shell\n" +
    'plus every shell whose startup file exists)',
  'cli.use.option.dry-run': 'show the changes as a diff per file, write nothing',
  'cli.use.exit.ok':
    'applied, and new processes and terminals get the profile (a difference only in the shell you\n' +
    'ran this from is reported, not an error)',
  'cli.use.exit.failed':
    'the files were written but something still overrides the profile for new processes or\n' +
    'terminals (`goproxyctl doctor --fix` moves it), or the apply failed',
  'cli.use.exit.usage': 'bad input (unknown profile, invalid value, unwritable file): nothing is written then',

  // undo
  'cli.undo.summary': 'Undo the last apply byte for byte, or list the history of applies',
  'cli.undo.about':
    'Restores every file the last `goproxyctl use` (or the tray) changed to its exact previous bytes,\n' +
    'including the go env file, and deletes the files it created. Undoing again undoes the apply\n' +
    'before it. If a file was edited after the apply, undo stops before writing anything.',
  'cli.undo.option.list': 'show the history of applies, newest first, instead of undoing',
  'cli.undo.option.force': 'undo even files edited after the apply (those later edits are lost)',
  'cli.undo.exit.ok': 'undone (or listed)',
  'cli.undo.exit.failed': 'nothing to undo, or undo refused',

  // profiles
  'cli.profiles.summary': 'List, create, import, export and subscribe to proxy profiles',
  'cli.profiles.about':
    'Profiles are complete Go proxy configurations: the built-ins (china, global, corporate, offline),\n' +
    'your own, and the ones your subscriptions provide. Apply one with `goproxyctl use <id>`. Files use\n' +
    'the JSON schema documented in docs/profiles.md; nothing is replaced unless the whole document is\n' +
    'valid. `set` and `edit` change your own profiles; to fill in a template, copy it first with\n' +
    '`create`. An empty value unsets a variable (GOSUMDB=, GONOPROXY=).',
  'cli.profiles.sub.list': 'the profiles (the default) and the subscriptions',
  'cli.profiles.sub.show': "one profile's variables",
  'cli.profiles.sub.create': 'a new profile of yours, copied from another',
  'cli.profiles.sub.duplicate': 'a copy of a profile under a new id',
  'cli.profiles.sub.set': 'change variables (GOPROXY, GOSUMDB, GOPRIVATE, GONOPROXY, GONOSUMDB, GOINSECURE,\nGOFLAGS) or the name and description',
  'cli.profiles.sub.edit': 'open its JSON in $VISUAL or $EDITOR',
  'cli.profiles.sub.delete': 'delete a profile of yours',
  'cli.profiles.sub.import': 'add the profiles of a file',
  'cli.profiles.sub.export': 'print a profile as a file others can import',
  'cli.profiles.sub.subscribe': 'take profiles from a URL or file, refreshed regularly',
  'cli.profiles.sub.unsubscribe': "stop a subscription and remove its profiles",
  'cli.profiles.sub.refresh': 'fetch the subscriptions again',
  'cli.profiles.option.from': 'the profile to copy (create)',
  'cli.profiles.option.name': "the new profile's display name (create, duplicate)",
  'cli.profiles.option.out': 'write the file to FILE instead of stdout (export)',
  'cli.profiles.option.replace': 'replace your profiles that have the same ids (import)',
  'cli.profiles.option.due': 'only the subscriptions whose interval has passed (refresh)',
  'cli.profiles.option.interval-hours': 'how often the subscription is refreshed, in hours (subscribe)',
  'cli.profiles.exit.ok': 'done',
  'cli.profiles.exit.failed': 'a subscription could not be fetched (its previous profiles are kept)',

  // doctor
  'cli.doctor.summary': 'Find Go proxy settings that shadow each other or break downloads, and fix them',
  'cli.doctor.about':
    'Checks the environment, shell startup files, the go env file and $GOROOT/go.env the way go reads\n' +
    'them. --project DIR also checks GOPRIVATE-style patterns against that module\'s requirements,\n' +
    'suggests GOPRIVATE patterns from its module path and git remotes, and reports what\n' +
    '`goproxyctl lint` finds in its Dockerfiles, CI files, Makefiles and scripts.',
  'cli.doctor.option.fix':
    'comment out `export GOPROXY=...`-style lines that shadow the go env file (only simple top-level\n' +
    "statements alone on their lines; others are listed with why) and let goproxyctl's managed block\n" +
    "and the go env file hold the value: the active profile's, or without one the line's own value.\n" +
    'Each edited file is checked with its shell first, new terminals are started afterwards to report\n' +
    'what they get, and `goproxyctl undo` reverses it',
  'cli.doctor.option.project': 'also check the Go module in DIR (the directory with go.mod)',
  'cli.doctor.exit.ok': 'no errors',
  'cli.doctor.exit.failed': 'at least one error',

  // lint
  'cli.lint.summary': 'Find GOPROXY/GOSUMDB/GOPRIVATE mistakes in Dockerfiles, Makefiles, CI files and scripts',
  'cli.lint.about':
    'Reads Dockerfiles/Containerfiles, Makefiles and *.mk, GitHub Actions, GitLab CI, docker-compose,\n' +
    'Travis and goreleaser YAML, shell scripts and .envrc files under PATH (default "."), each with its\n' +
    'own syntax; skips .git, node_modules, vendor and what .gitignore ignores. Each finding has the\n' +
    'file, line, column, rule id, severity, the variable and value, why go fails, and the fix.\n' +
    'Rules: docs/lint.md.',
  'cli.lint.option.format': 'the report\'s format (default text; json is the same as --json; sarif for code scanning)',
  'cli.lint.option.fix':
    'make only the certain edits ("," and "|" between public mirrors; quoting a "|" list in a shell\n' +
    'line), show the diff, write atomically; `goproxyctl undo` reverts them',
  'cli.lint.exit.ok': 'no findings',
  'cli.lint.exit.failed': 'findings',

  // export
  'cli.export.summary': 'Print a profile as a Dockerfile, GitHub Actions, GitLab CI, direnv or shell snippet',
  'cli.export.about':
    "Prints the profile's Go variables for places goproxyctl cannot reach. Credentials never appear:\n" +
    'the snippet reads them from CI secrets (GOPROXY_USER / GOPROXY_TOKEN) or a BuildKit secret.',
  'cli.export.option.to': 'the snippet\'s format: `{formats}`',
  'cli.export.exit.ok': 'the snippet was printed',

  // auth
  'cli.auth.summary': 'Store credentials for private proxies in the OS keychain and give them to go',
  'cli.auth.about':
    'The secret is never accepted on the command line: pipe it in (see the examples) or type it at the\n' +
    'no-echo prompt.',
  'cli.auth.sub.set': "store (or replace) the credential for the proxy's origin in the OS keychain",
  'cli.auth.sub.list': 'the stored origins and users (never the secrets), and the managed netrc entries',
  'cli.auth.sub.remove': 'delete the credential from the keychain, and its managed netrc entry if any',
  'cli.auth.sub.helper':
    "what go runs with GOAUTH='command goproxyctl auth helper' (Go 1.24+): prints the stored\n" +
    "credential sets; with a URL (go's retry after a 401/403) it reads the response on stdin and\n" +
    'prints the matching set only. With --json it prints only the matching URL prefixes, no secrets',
  'cli.auth.sub.netrc':
    'for Go older than 1.24 (no GOAUTH): --enable writes every stored https credential as managed\n' +
    'entries to $NETRC or ~/.netrc (mode 0600, other entries untouched; the secrets are then in that\n' +
    'file); --disable removes the managed entries again',
  'cli.auth.option.user': 'the user name the proxy expects (set)',
  'cli.auth.option.enable': 'write or remove the managed netrc entries (netrc)',
  'cli.auth.option.fix-permissions': 'chmod 600 a netrc file other users can read instead of refusing (netrc)',
  'cli.auth.option.secret': 'refused: a secret on the command line is visible to other processes',
  'cli.auth.exit.ok': 'done',
  'cli.auth.exit.failed': 'the keychain could not be used (or there was nothing to remove)',

  // watch
  'cli.watch.summary': 'Watch the network and repair the GOPROXY chain when it breaks (auto-repair daemon)',
  'cli.watch.about':
    'Probes the active chain when the network changes, after the machine wakes, every health-check\n' +
    'period and after repeated failures; reorders the chain or switches profile when the first entry\n' +
    'keeps failing or a clearly better one has been found, through the same apply engine as\n' +
    '`goproxyctl use` (so `goproxyctl undo` reverts it). Policy and settings: docs/auto-repair.md;\n' +
    'settings file: <config dir>/watch.json. One watcher per user.\n' +
    'With --json: one JSON object per line per event.',
  'cli.watch.option.once': 'run one round (probe, decide, apply) and exit',
  'cli.watch.option.module': 'the module probes ask for (default: the probe module in the settings, else {module})',
  'cli.watch.option.health-check': 'seconds between health checks of the active entry (default 300, 0 = off)',
  'cli.watch.option.poll': 'seconds between network polls (default 5)',
  'cli.watch.exit.ok': 'stopped (or the one round of --once is done)',
  'cli.watch.exit.failed': 'another watcher is already running for this user',

  // relay
  'cli.relay.summary': 'Run a local Go module proxy with deadlines, hedging and a cache in front of your chain',
  'cli.relay.about':
    "Serves the Go module proxy protocol on 127.0.0.1 and walks your chain with go's own rules, plus\n" +
    "deadlines (a silent proxy is an error after a few seconds, never a hang), hedging between entries\n" +
    "joined by '|', a short cool-down for a proxy that just failed, and a disk cache of module files\n" +
    "that keeps serving them when every upstream is down. Across ',' it stops where go stops: a private\n" +
    "proxy's outage never sends module paths to the next entry. Details: docs/relay.md.\n" +
    'Point go at it with `GOPROXY=http://127.0.0.1:<port>|<your chain>`, so go falls back to the chain\n' +
    'itself when the relay is not running.\n' +
    'With --json: one JSON object per line per event (listening, request, upstream, cool-down...).',
  'cli.relay.option.port':
    'listen on port N (default: the port of the active profile\'s "relay" option, else a free port)',
  'cli.relay.option.chain':
    "the GOPROXY chain to walk (default: the active profile's, else `go env GOPROXY`, followed while\n" +
    'the relay runs)',
  'cli.relay.option.cache': 'where module files are cached (default: {cache})',
  'cli.relay.option.cache-size': "the cache's size cap in GB (default 4)",
  'cli.relay.exit.ok': 'stopped',
  'cli.relay.exit.failed': 'the port is in use, or the relay could not start',

  // serve
  'cli.serve.summary': 'Serve the dashboard and its API on 127.0.0.1 (headless mode, no Electron needed)',
  'cli.serve.about':
    'Starts the engine, serves the dashboard on 127.0.0.1 only, and prints one line with the URL to\n' +
    'open. The URL carries a random token (after #token=) that changes on every start: anyone without\n' +
    'it gets 401 from the API. Stop with `Ctrl+C`.\n' +
    'With --json: `{"url","origin","port"}` as one JSON line instead.',
  'cli.serve.option.port': 'listen on port N (default: a free port chosen by the system)',
  'cli.serve.option.open':
    'open the URL in the default browser (the default on a desktop terminal); the URL, token\n' +
    'included, is then an argument of the opener process',
  'cli.serve.option.no-open': 'only print the URL',
  'cli.serve.exit.ok': 'stopped',
  'cli.serve.exit.failed': 'the dashboard could not start',
} as const satisfies Readonly<Record<`cli.${string}`, string>>;

export const cliZh: Readonly<Record<keyof typeof cliEn, string>> = {
  'cli.error.with-hint': '{error}{hint}',
  'cli.error.unknown-command': '未知命令 "{name}"。',
  'cli.error.did-you-mean-command': '你是不是想输入 `{command}`？',
  'cli.error.list-commands': '运行 `{command}` 查看所有命令。',
  'cli.error.unknown-option': '未知选项 {option}。',
  'cli.error.did-you-mean-option': '你是不是想输入 {guess}？',
  'cli.error.see-help': '用法见 `{command}`。',
  'cli.error.missing-value': '{option} 需要一个值：{option} {value}。',
  'cli.error.value-not-allowed': '{option} 不接受值，单独写 {option} 即可。',
  'cli.error.unexpected-argument': '多余的参数 "{arg}"：`{command}` 只接受选项。',
  'cli.error.bad-arguments': '无法解析命令行参数。',
  'cli.error.bad-lang': '--lang "{lang}" 不是 goproxyctl 支持的语言，请使用 --lang en 或 --lang zh。',
  'cli.error.interrupted': '已中断。',
  'cli.error.exit-code': '退出码 {code}',

  'cli.help.usage': '用法：',
  'cli.help.sentence': '{text}。',
  'cli.help.subcommands': '子命令：',
  'cli.help.options': '选项：',
  'cli.help.examples': '示例：',
  'cli.help.exit-codes': '退出码：',
  'cli.help.commands': '命令：',
  'cli.help.repeatable': '{text}（可重复）',
  'cli.help.option.json': '在标准输出上输出机器可读的 JSON（失败时也是，输出一个 `error` 对象）',
  'cli.help.option.lang': '输出语言（默认跟随应用的语言设置，否则跟随系统区域设置）',
  'cli.help.option.help': '显示本帮助',
  'cli.help.option.version': '显示版本号',
  'cli.help.exit.ok': '成功',
  'cli.help.exit.failed': '操作失败（例如 go 会失败）',
  'cli.help.exit.usage': '输入有误（未知选项、缺少值或值无效）',
  'cli.help.exit.interrupted': '被中断（`Ctrl+C`、SIGTERM）',
  'cli.help.global.title': 'goproxyctl {version}：测速、解释、应用和修复你的 Go 模块代理链',
  'cli.help.global.notes':
    '通用选项也可以写在命令之前：`goproxyctl --lang zh explain golang.org/x/mod`。\n' +
    '`goproxyctl help <command>`（或 `goproxyctl <command> --help`）显示某个命令的选项。',

  'cli.explain.summary': '显示在当前配置下 `go` 获取某个模块时会发生什么',
  'cli.explain.about':
    '完全按 go 的方式为该模块走一遍 GOPROXY 代理链（"," 只在 404/410 时继续下一项，"|" 遇到任何错误\n' +
    '都继续；direct 和 off 结束列表；匹配 GONOPROXY/GOPRIVATE 的模块直连），向每一项提出 go 会提出的\n' +
    '请求，带上 go 会发送的凭据（.netrc、仅在 https 下使用 URL 中的 user:password、go >= 1.24 的\n' +
    'GOAUTH），然后给出结论和修复方法。未指定版本时查询最新版本（先 @v/list，再 @latest）。\n' +
    '卡住的情况按 go 的实际结局报告：连不上 -> go 在 30 秒拨号超时后报错；TLS 握手卡住 -> 10 秒后报错；\n' +
    '已连接但没有响应（或响应体中途停止）-> 无论分隔符是什么，go 都会一直挂起（`"outcome": "hang"`）。\n' +
    '使用 --json 时输出一个 JSON 对象，包含 `module`、`version`、`outcome`（`served`、`failed` 或\n' +
    '`hang`）、`steps`（`goWaitsSeconds`：go 在报该错误前自己等待的秒数）、`servedBy`、`error`、`fix`。',
  'cli.explain.option.timeout': '等待多少毫秒后判定某一阶段卡住（默认 10000）',
  'cli.explain.exit.ok': 'go 能获取该模块',
  'cli.explain.exit.failed': 'go 会失败或挂起',

  'cli.env.summary': '显示实际生效的 Go 代理配置以及每个值的来源',
  'cli.env.about':
    '按 go 的方式读取配置（环境变量、go env 文件、$GOROOT/go.env、内置默认值），显示每个变量的值、\n' +
    '来源，以及它覆盖了哪些值。',
  'cli.env.exit.ok': '已读取配置',
  'cli.env.exit.failed': '无法读取配置（无法运行 go）',

  'cli.bench.summary': '用真实协议对 Go 模块代理测速，并推荐 GOPROXY 代理链',
  'cli.bench.about':
    '完全按 go 的方式向每个候选代理请求模块（@v/list、@latest、.info、.mod、限量读取的 .zip、校验和\n' +
    '数据库检查），为每个阶段计时并重复采样，再按真实的 go 通过各候选下载一组工作负载所需的时间打分，\n' +
    '推荐 GOPROXY（以及 GOSUMDB），并给出应用它的命令。使用 --project 时，工作负载是你项目的模块图\n' +
    '（取自其 go.sum，按各 .zip 文件的 `Content-Length` 计算大小），否则是一个有代表性的 100 个模块的图。\n' +
    '不加 --proxies 时，候选为内置的公共代理加上你当前的 GOPROXY。校验和数据库 sum.golang.org 和\n' +
    'sum.golang.google.cn 总会被探测，用于给出 GOSUMDB 建议。每次运行都会记入延迟历史。\n' +
    '使用 --json 时输出一个 JSON 对象，包含 `durationMs`、`results` 和 `recommendation`。',
  'cli.bench.option.proxies': '要测速的代理（可以包含 "direct"），代替内置列表',
  'cli.bench.option.module':
    '要请求的模块（默认：设置中的探测模块，即仪表盘“测速”页所设的值，\n' +
    '否则为 {module}）；对它返回 404/410 的代理是可达的，只是没有该模块',
  'cli.bench.option.samples': '每个候选的采样次数，1-20（默认 3）',
  'cli.bench.option.timeout': '单次采样的最长时间（毫秒），100-600000（默认 {timeout}）',
  'cli.bench.option.concurrency': '同时探测的候选数，1-64（默认 8）',
  'cli.bench.option.project': '按此 Go 模块的依赖图排名（含 go.mod 的目录）',
  'cli.bench.option.save-profile':
    '把建议保存为你的配置方案 ID（基于当前生效的方案，保留其私有设置），\n' +
    '之后用 `goproxyctl use ID` 应用',
  'cli.bench.exit.ok': '至少有一个代理（或 direct）可用',
  'cli.bench.exit.failed': '没有一个可用',

  'cli.use.summary': '应用配置方案：写入 go env 文件和各 shell 的配置，用 go 验证，可撤销',
  'cli.use.about':
    '按 `go env -w` 的语义写入配置方案的 Go 变量（写入 go env 文件；方案中未设置的变量用 `-u`），并在\n' +
    '每个 shell 的启动文件中写入一个受管理的代码块，加载 goproxyctl 自己的环境脚本，使终端与 go 一致。\n' +
    '然后用真实的 go 检查新进程和新开的 `bash` 终端实际得到的值，并指出仍在覆盖该方案的设置（例如\n' +
    '~/.bashrc 中的 `export`，或当前 shell 中的变量）。`goproxyctl undo` 可把每个文件逐字节恢复原样。',
  'cli.use.option.shells':
    '要写入的 shell，例如 `bash,zsh,fish,pwsh`（默认：方案中指定的；否则为你的登录 shell，\n' +
    '加上所有启动文件已存在的 shell）',
  'cli.use.option.dry-run': '逐个文件以 `diff` 形式显示改动，不写入任何内容',
  'cli.use.exit.ok':
    '已应用，新进程和新终端都得到该方案（若只有运行本命令的 shell 存在差异，只提示，不算错误）',
  'cli.use.exit.failed':
    '文件已写入，但仍有设置在新进程或新终端中覆盖该方案（`goproxyctl doctor --fix` 可把它移走），\n' +
    '或应用失败',
  'cli.use.exit.usage': '输入有误（未知方案、无效的值、文件不可写）：此时不会写入任何内容',

  'cli.undo.summary': '逐字节撤销上一次应用，或列出应用历史',
  'cli.undo.about':
    '把上一次 `goproxyctl use`（或托盘）改动的每个文件恢复为改动前的原样（包括 go env 文件），\n' +
    '并删除它新建的文件。再次撤销会撤销更早的那次应用。如果某个文件在应用之后又被编辑过，\n' +
    '撤销会在写入任何内容之前停下。',
  'cli.undo.option.list': '列出应用历史（最新的在前），而不是撤销',
  'cli.undo.option.force': '即使文件在应用之后被编辑过也撤销（之后的编辑会丢失）',
  'cli.undo.exit.ok': '已撤销（或已列出）',
  'cli.undo.exit.failed': '没有可撤销的内容，或撤销被拒绝',

  'cli.profiles.summary': '列出、创建、导入、导出和订阅代理配置方案',
  'cli.profiles.about':
    '配置方案是完整的 Go 代理配置：内置方案（`china`、`global`、`corporate`、`offline`）、你自己的方案，\n' +
    '以及订阅提供的方案。用 `goproxyctl use <id>` 应用。文件采用 docs/profiles.md 中说明的 JSON\n' +
    '格式；只有整个文档都有效时才会替换。`set` 和 `edit` 只修改你自己的方案；要在模板基础上修改，\n' +
    '先用 `create` 复制一份。值为空表示取消设置该变量（GOSUMDB=、GONOPROXY=）。',
  'cli.profiles.sub.list': '列出配置方案（默认子命令）和订阅',
  'cli.profiles.sub.show': '显示某个方案的变量',
  'cli.profiles.sub.create': '复制另一个方案，新建一个你自己的方案',
  'cli.profiles.sub.duplicate': '以新的 id 复制一个方案',
  'cli.profiles.sub.set': '修改变量（GOPROXY、GOSUMDB、GOPRIVATE、GONOPROXY、GONOSUMDB、GOINSECURE、\nGOFLAGS）或名称和说明',
  'cli.profiles.sub.edit': '用 $VISUAL 或 $EDITOR 打开它的 JSON',
  'cli.profiles.sub.delete': '删除你自己的一个方案',
  'cli.profiles.sub.import': '添加一个文件中的方案',
  'cli.profiles.sub.export': '把方案输出为可供他人导入的文件',
  'cli.profiles.sub.subscribe': '从 URL 或文件获取方案，并定期刷新',
  'cli.profiles.sub.unsubscribe': '取消订阅并移除其方案',
  'cli.profiles.sub.refresh': '重新获取订阅',
  'cli.profiles.option.from': '要复制的方案（用于 `create`）',
  'cli.profiles.option.name': '新方案的显示名称（用于 `create`、`duplicate`）',
  'cli.profiles.option.out': '写入 FILE 而不是标准输出（用于 `export`）',
  'cli.profiles.option.replace': '替换你已有的同 id 方案（用于 `import`）',
  'cli.profiles.option.due': '只刷新已到刷新间隔的订阅（用于 `refresh`）',
  'cli.profiles.option.interval-hours': '订阅的刷新间隔，单位为小时（用于 `subscribe`）',
  'cli.profiles.exit.ok': '完成',
  'cli.profiles.exit.failed': '有订阅无法获取（其原有方案保持不变）',

  'cli.doctor.summary': '找出互相遮蔽或导致下载失败的 Go 代理设置，并修复它们',
  'cli.doctor.about':
    '按 go 的读取方式检查环境变量、shell 启动文件、go env 文件和 $GOROOT/go.env。加上 --project DIR\n' +
    '时，还会用该模块的依赖检查 GOPRIVATE 类的模式，根据其模块路径和 `git remote` 建议 GOPRIVATE\n' +
    '模式，并报告 `goproxyctl lint` 在其 `Dockerfile`、CI 文件、`Makefile` 和脚本中发现的问题。',
  'cli.doctor.option.fix':
    '注释掉遮蔽 go env 文件的 `export GOPROXY=...` 之类的行（仅限单独占一行的简单顶层语句，\n' +
    '其他的会列出并说明原因），改由 goproxyctl 的受管理代码块和 go env 文件保存这个值：当前方案\n' +
    '的值，没有方案时用该行自己的值。每个被编辑的文件都会先用对应的 shell 检查，之后启动新终端\n' +
    '报告它们得到的值；`goproxyctl undo` 可以还原',
  'cli.doctor.option.project': '同时检查 DIR 中的 Go 模块（含 go.mod 的目录）',
  'cli.doctor.exit.ok': '没有错误',
  'cli.doctor.exit.failed': '至少有一个错误',

  'cli.lint.summary': '找出 `Dockerfile`、`Makefile`、CI 文件和脚本中 GOPROXY/GOSUMDB/GOPRIVATE 的错误',
  'cli.lint.about':
    '读取 PATH（默认 "."）下的 `Dockerfile`/`Containerfile`、`Makefile` 和 *.mk、`GitHub Actions`、\n' +
    'GitLab CI、`docker-compose`、`Travis` 和 `goreleaser` 的 YAML、shell 脚本及 .envrc 文件，每种都\n' +
    '按其自身语法解析；跳过 .git、node_modules、vendor 以及 .gitignore 忽略的内容。每条发现都包含\n' +
    '文件、行、列、规则 id、严重程度、变量及其值、go 失败的原因和修复方法。规则见 docs/lint.md。',
  'cli.lint.option.format': '报告格式（默认 `text`；`json` 等同于 --json；`sarif` 用于代码扫描）',
  'cli.lint.option.fix':
    '只做确定无误的修改（公共镜像之间的 "," 和 "|"；给 shell 行中含 "|" 的列表加引号），\n' +
    '显示 `diff`，原子写入；`goproxyctl undo` 可以还原',
  'cli.lint.exit.ok': '没有发现问题',
  'cli.lint.exit.failed': '发现了问题',

  'cli.export.summary': '把配置方案输出为 `Dockerfile`、`GitHub Actions`、GitLab CI、`direnv` 或 shell 片段',
  'cli.export.about':
    '为 goproxyctl 管不到的地方输出方案的 Go 变量。凭据绝不会出现在片段中：片段从 CI 密钥\n' +
    '（GOPROXY_USER / GOPROXY_TOKEN）或 BuildKit 密钥中读取它们。',
  'cli.export.option.to': '片段的格式：`{formats}`',
  'cli.export.exit.ok': '已输出片段',

  'cli.auth.summary': '把私有代理的凭据保存在系统钥匙串中，并提供给 go',
  'cli.auth.about': '密钥绝不通过命令行参数传入：通过管道传入（见示例），或在不回显的提示符下输入。',
  'cli.auth.sub.set': '在系统钥匙串中保存（或替换）该代理源站的凭据',
  'cli.auth.sub.list': '列出已保存的源站和用户（从不显示密钥），以及受管理的 .netrc 条目',
  'cli.auth.sub.remove': '从钥匙串中删除凭据，如有受管理的 .netrc 条目也一并删除',
  'cli.auth.sub.helper':
    "设置 `GOAUTH='command goproxyctl auth helper'` 后由 go 调用（Go 1.24+）：输出已保存的凭据；\n" +
    '带 URL 时（go 在 401/403 之后重试）从标准输入读取响应，只输出匹配的那组凭据。\n' +
    '使用 --json 时只输出匹配的 URL 前缀，不含密钥',
  'cli.auth.sub.netrc':
    '用于 1.24 之前的 Go（没有 GOAUTH）：--enable 把每个已保存的 https 凭据作为受管理条目写入\n' +
    '$NETRC 或 ~/.netrc（权限 0600，其他条目不变；此后密钥就存在该文件中）；--disable 再删除\n' +
    '这些受管理条目',
  'cli.auth.option.user': '代理要求的用户名（用于 `set`）',
  'cli.auth.option.enable': '写入或删除受管理的 .netrc 条目（用于 `netrc`）',
  'cli.auth.option.fix-permissions': '若 .netrc 文件可被其他用户读取，将其权限改为 600，而不是拒绝\n执行（用于 `netrc`）',
  'cli.auth.option.secret': '不接受：命令行中的密钥对其他进程可见',
  'cli.auth.exit.ok': '完成',
  'cli.auth.exit.failed': '无法使用钥匙串（或没有可删除的内容）',

  'cli.watch.summary': '监视网络，在 GOPROXY 代理链出故障时自动修复（自动修复守护进程）',
  'cli.watch.about':
    '在网络变化时、机器唤醒后、每个健康检查周期以及连续失败之后探测当前代理链；当第一项持续失败\n' +
    '或找到了明显更好的代理时，通过与 `goproxyctl use` 相同的应用引擎调整代理链顺序或切换方案\n' +
    '（因此 `goproxyctl undo` 可以还原）。策略和设置见 docs/auto-repair.md；设置文件：\n' +
    '<配置目录>/watch.json。每个用户只运行一个监视进程。\n' +
    '使用 --json 时每个事件输出一行 JSON 对象。',
  'cli.watch.option.once': '只运行一轮（探测、决策、应用）然后退出',
  'cli.watch.option.module': '探测时请求的模块（默认：设置中的探测模块，否则为 {module}）',
  'cli.watch.option.health-check': '对当前代理项做健康检查的间隔秒数（默认 300，0 表示关闭）',
  'cli.watch.option.poll': '轮询网络状态的间隔秒数（默认 5）',
  'cli.watch.exit.ok': '已停止（或 --once 的一轮已完成）',
  'cli.watch.exit.failed': '该用户已有一个监视进程在运行',

  'cli.relay.summary': '在你的代理链前运行一个带超时、对冲请求和缓存的本地 Go 模块代理',
  'cli.relay.about':
    '在 127.0.0.1 上提供 Go 模块代理协议，按 go 自己的规则走你的代理链，并加上超时控制（沉默的代理\n' +
    '几秒后就算出错，绝不挂起）、在以 "|" 连接的各项之间对冲请求、对刚失败的代理短暂冷却，以及\n' +
    '模块文件的磁盘缓存（所有上游都不可用时仍能提供）。遇到 "," 时它在 go 停下的地方停下：私有\n' +
    '代理故障时绝不会把模块路径发给下一项。详见 docs/relay.md。\n' +
    '让 go 使用它：`GOPROXY=http://127.0.0.1:<端口>|<代理链>`，这样中继未运行时 go 会直接\n' +
    '使用原来的代理链。\n' +
    '使用 --json 时每个事件输出一行 JSON 对象（监听、请求、上游、冷却……）。',
  'cli.relay.option.port': '监听端口 N（默认：当前方案 `relay` 选项中的端口，否则为一个空闲端口）',
  'cli.relay.option.chain':
    '要走的 GOPROXY 代理链（默认：当前方案的代理链，否则为 `go env GOPROXY`，中继运行期间\n' +
    '会跟随其变化）',
  'cli.relay.option.cache': '模块文件的缓存目录（默认：{cache}）',
  'cli.relay.option.cache-size': '缓存大小上限，单位 GB（默认 4）',
  'cli.relay.exit.ok': '已停止',
  'cli.relay.exit.failed': '端口已被占用，或中继无法启动',

  'cli.serve.summary': '在 127.0.0.1 上提供仪表盘及其 API（无界面模式，不需要桌面应用）',
  'cli.serve.about':
    '启动引擎，只在 127.0.0.1 上提供仪表盘，并输出一行要打开的 URL。URL 中带有一个随机令牌\n' +
    '（在 #token= 之后），每次启动都会变化：没有令牌的请求会从 API 得到 401。按 `Ctrl+C` 停止。\n' +
    '使用 --json 时改为输出一行 JSON：`{"url","origin","port"}`。',
  'cli.serve.option.port': '监听端口 N（默认：由系统选择的空闲端口）',
  'cli.serve.option.open':
    '在默认浏览器中打开该 URL（在桌面终端中默认如此）；此时 URL（包括令牌）\n' +
    '会作为打开程序的进程参数',
  'cli.serve.option.no-open': '只输出 URL',
  'cli.serve.exit.ok': '已停止',
  'cli.serve.exit.failed': '仪表盘无法启动',
};
