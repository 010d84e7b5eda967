// The engine catalogue's part for `goproxyctl lint`: keys begin with "lint.". English first; a key
// missing in Chinese is a compile error.
//   lint.<rule>.*       a finding's why and fix (shared/lint/rules.ts); the rules lint shares with
//                       the doctor (GOPROXY, GOSUMDB, GO111MODULE values) use the doctor's own
//                       messages (ops.doctor.*), so both say the same thing
//   lint.note.*         parts of a file the readers could not read (electron/core/lint)
//   lint.cli.*          `goproxyctl lint`'s own words around the findings, and its refusals
//   lint.doctor.*       how `goproxyctl doctor --project` words a lint finding's fix
// Values are code and stay verbatim: variable names, values as written, globs, flags, stage names.
export const lintEn = {
  'lint.pipe-unquoted.why': 'Unquoted, the shell reads "|" as a pipe: it sets {variable} to the first entry only in a throw-away subshell and runs the next entry as a command, so go never sees {variable}={value}.',
  'lint.pipe-unquoted.fix': "Quote the list: {variable}='{value}'.",

  'lint.arg-out-of-scope.why': 'The ARG {variable} on line {line} is declared before the first FROM, so only FROM lines see it: inside stage {stage} {variable} is empty and go uses its default instead.',
  'lint.arg-out-of-scope.fix': 'Add `ARG {variable}` (no value) inside the stage, after its FROM, then use it (e.g. `ENV {variable}=${variable}`).',

  'lint.go-env-w.why': '`go env -w` writes the env file of the current user ($HOME/.config/go/env): any ENV of the same variable overrides it, and after another USER (or with a different HOME) go does not read it at all.',
  'lint.go-env-w.fix': 'Set {variables} with ENV (or ARG + ENV) instead of `go env -w`.',
  'lint.go-env-w.fix-unnamed': 'Set the variables with ENV (or ARG + ENV) instead of `go env -w`.',

  'lint.unknown-var.why': 'go does not read {variable}, so this setting has no effect.',
  'lint.unknown-var.why-typo': 'go does not read {variable} (did you mean {typo}?), so this setting has no effect.',
  'lint.unknown-var.fix-rename': 'Rename it to {typo}.',
  'lint.unknown-var.fix-remove': 'Remove it, or use the variable go documents in `go help environment`.',

  'lint.private-leak.why': '"|" after {host} makes go try {next} on any error there, so while {host} is down go asks a public mirror for every module path, private ones included (GOPRIVATE/GONOPROXY is not set here).',
  'lint.private-leak.fix': 'List your private module paths in GOPRIVATE (they then skip every proxy), or use "," after {host} so go stops when it is down.',

  'lint.wildcard.why-proxy': '{variable}="{glob}" matches every module path, so go fetches every module directly from its VCS host, skipping the proxy.',
  'lint.wildcard.why-private': '{variable}="{glob}" matches every module path, so go fetches every module directly from its VCS host, skipping the proxy and the checksum database.',
  'lint.wildcard.why-sumdb': '{variable}="{glob}" matches every module path, so go checks no module against the checksum database.',
  'lint.wildcard.why-insecure': '{variable}="{glob}" matches every module path, so go may fetch every module over insecure connections.',
  'lint.wildcard.fix': 'List only your private hosts or organisations, e.g. git.corp.example.com,github.com/your-org.',

  'lint.never-matches.why': 'The {variable} pattern "{glob}" {reason}, so go never matches it and those modules are treated as public.',
  'lint.never-matches.reason.space': 'contains a space, which go keeps as part of the pattern',
  'lint.never-matches.reason.uppercase': 'has capitals in its host, and module hosts are lower-case (matching is case-sensitive)',
  'lint.never-matches.reason.bad-glob': 'is not a valid path.Match pattern',
  'lint.never-matches.reason.scheme': 'starts with a URL scheme, but patterns are matched against module paths (which have none)',
  'lint.never-matches.fix': 'Write bare module path prefixes without spaces: {variable}={value}.',

  'lint.insecure-flag.why': 'go no longer has the {flag} flag (go 1.19 and 1.23 stop with "-insecure flag is no longer supported; use GOINSECURE instead"), so the command fails.',
  'lint.insecure-flag.fix': 'Remove the flag and list the hosts that need it in GOINSECURE (and GOPRIVATE for private ones).',

  'lint.note.in-file': '{file}: {note}',
  'lint.note.bad-shell': '{where}: not valid shell ({error}); read word by word',
  'lint.note.bad-yaml': 'not valid YAML ({error}); not checked',

  'lint.cli.severity.error': 'error',
  'lint.cli.severity.warning': 'warning',
  'lint.cli.finding': '{place}: {severity} {rule}: {assignment}',
  'lint.cli.fix': 'fix: {fix}',
  'lint.cli.fix-automatic': 'fix (--fix): {fix}',
  'lint.cli.note': 'note: {note}',
  'lint.cli.checked': '{files} checked, {findings}.',
  'lint.cli.files.one': '{count} file',
  'lint.cli.files.many': '{count} files',
  'lint.cli.findings.one': '{count} finding',
  'lint.cli.findings.many': '{count} findings',
  'lint.cli.fix-nothing': '--fix: nothing is certain enough to fix automatically.',
  'lint.cli.fix-changed': '--fix: changed {files}. Undo with `goproxyctl undo`.',
  'lint.cli.fix-changed-apply': '--fix: changed {files}. Undo with `goproxyctl undo` (apply {apply}).',
  'lint.cli.fix-refused': '--fix changed nothing: {reason}.',
  'lint.cli.bad-format': '--format must be one of {formats}.',
  'lint.cli.json-and-format': '--json and --format sarif/text disagree: give one of them.',
  'lint.cli.no-such-path': '{path}: no such file or directory; give files or directories to check (default ".").',
  'lint.cli.not-lintable': '{path}: not a file lint reads (Dockerfile, Makefile/*.mk, a GitHub Actions, GitLab CI, compose, Travis or goreleaser YAML, a shell script or .envrc).',

  'lint.doctor.fix-by-lint': '{fix} (`goproxyctl lint --fix` does it.)',
} as const;

export const lintZh: Readonly<Record<keyof typeof lintEn, string>> = {
  'lint.pipe-unquoted.why': '未加引号时，shell 会把 "|" 当作管道：它只在一个临时子 shell 里把 {variable} 设为第一个条目，再把下一个条目当作命令执行，所以 go 永远看不到 {variable}={value}。',
  'lint.pipe-unquoted.fix': "给列表加上引号：{variable}='{value}'。",

  'lint.arg-out-of-scope.why': '第 {line} 行的 ARG {variable} 声明在第一个 FROM 之前，只有 FROM 行能看到它：在构建阶段 `{stage}` 中 {variable} 为空，go 会改用默认值。',
  'lint.arg-out-of-scope.fix': '在该阶段的 FROM 之后加上 `ARG {variable}`（不带值），再使用它（例如 `ENV {variable}=${variable}`）。',

  'lint.go-env-w.why': '`go env -w` 写入的是当前用户的 go 环境配置文件（$HOME/.config/go/env）：同名的 ENV 会覆盖它；换成其他 USER（或 HOME 不同）后，go 根本不会读取它。',
  'lint.go-env-w.fix': '改用 ENV（或 ARG + ENV）设置 {variables}，不要用 `go env -w`。',
  'lint.go-env-w.fix-unnamed': '改用 ENV（或 ARG + ENV）设置这些变量，不要用 `go env -w`。',

  'lint.unknown-var.why': 'go 不会读取 {variable}，因此该设置不起任何作用。',
  'lint.unknown-var.why-typo': 'go 不会读取 {variable}（是不是想写 {typo}？），因此该设置不起任何作用。',
  'lint.unknown-var.fix-rename': '把它改名为 {typo}。',
  'lint.unknown-var.fix-remove': '删除它，或改用 `go help environment` 中列出的变量。',

  'lint.private-leak.why': '{host} 后面的 "|" 让 go 在它出任何错误时转而请求 {next}，所以 {host} 宕机期间，go 会向公共镜像请求所有模块路径，私有模块也不例外（这里没有设置 GOPRIVATE/GONOPROXY）。',
  'lint.private-leak.fix': '把私有模块路径写进 GOPRIVATE（这样它们会跳过所有代理），或在 {host} 后面改用 ","，让它宕机时 go 直接停下。',

  'lint.wildcard.why-proxy': '{variable}="{glob}" 匹配所有模块路径，所以 go 会绕过代理，直接从版本控制主机获取所有模块。',
  'lint.wildcard.why-private': '{variable}="{glob}" 匹配所有模块路径，所以 go 会绕过代理和校验和数据库，直接从版本控制主机获取所有模块。',
  'lint.wildcard.why-sumdb': '{variable}="{glob}" 匹配所有模块路径，所以 go 不会用校验和数据库校验任何模块。',
  'lint.wildcard.why-insecure': '{variable}="{glob}" 匹配所有模块路径，所以 go 可能通过不安全的连接获取所有模块。',
  'lint.wildcard.fix': '只列出你的私有主机或组织，例如 git.corp.example.com,github.com/your-org。',

  'lint.never-matches.why': '{variable} 中的模式 "{glob}" {reason}，所以 go 永远不会匹配它，这些模块会被当作公共模块。',
  'lint.never-matches.reason.space': '含有空格，而 go 会把空格当作模式的一部分',
  'lint.never-matches.reason.uppercase': '的主机名含大写字母，而模块主机名都是小写（匹配区分大小写）',
  'lint.never-matches.reason.bad-glob': '不是有效的 path.Match 模式',
  'lint.never-matches.reason.scheme': '以 URL 协议开头，而模式是拿来和模块路径（不带协议）匹配的',
  'lint.never-matches.fix': '只写不带空格和协议的模块路径前缀：{variable}={value}。',

  'lint.insecure-flag.why': 'go 已经没有 {flag} 标志了（go 1.19 和 1.23 会报错 "-insecure flag is no longer supported; use GOINSECURE instead" 并退出），所以该命令会失败。',
  'lint.insecure-flag.fix': '删掉该标志，把需要它的主机写进 GOINSECURE（私有主机同时写进 GOPRIVATE）。',

  'lint.note.in-file': '{file}：{note}',
  'lint.note.bad-shell': '{where}：不是有效的 shell 语法（"{error}"）；已逐词读取',
  'lint.note.bad-yaml': '不是有效的 YAML（"{error}"）；未检查',

  'lint.cli.severity.error': '错误',
  'lint.cli.severity.warning': '警告',
  'lint.cli.finding': '`{place}`：{severity} `{rule}`：`{assignment}`',
  'lint.cli.fix': '修复：{fix}',
  'lint.cli.fix-automatic': '修复（--fix）：{fix}',
  'lint.cli.note': '提示：{note}',
  'lint.cli.checked': '检查了 {files}，发现 {findings}。',
  'lint.cli.files.one': '{count} 个文件',
  'lint.cli.files.many': '{count} 个文件',
  'lint.cli.findings.one': '{count} 个问题',
  'lint.cli.findings.many': '{count} 个问题',
  'lint.cli.fix-nothing': '--fix：没有足够确定、可以自动修复的问题。',
  'lint.cli.fix-changed': '--fix：已修改 {files}。可用 `goproxyctl undo` 撤销。',
  'lint.cli.fix-changed-apply': '--fix：已修改 {files}。可用 `goproxyctl undo` 撤销（应用记录 `{apply}`）。',
  'lint.cli.fix-refused': '--fix 未做任何修改：{reason}。',
  'lint.cli.bad-format': '--format 只能是 `{formats}` 之一。',
  'lint.cli.json-and-format': '--json 与 `--format sarif/text` 相互矛盾：请只给其中一个。',
  'lint.cli.no-such-path': '{path}：没有这个文件或目录；请给出要检查的文件或目录（默认为 "."）。',
  'lint.cli.not-lintable': '{path}：lint 不读取这种文件（它读取 `Dockerfile`、`Makefile`/`*.mk`，`GitHub Actions`、`GitLab CI`、`compose`、`Travis` 或 `goreleaser` 的 YAML，shell 脚本或 `.envrc`）。',

  'lint.doctor.fix-by-lint': '{fix}（`goproxyctl lint --fix` 可自动完成。）',
};
