// The files the rc blocks source, owned entirely by goproxyctl and rewritten on every apply:
// env.sh (sh, bash, zsh), env.fish and env.ps1. `null` means "unset it", so a value exported
// earlier in the session (or by an older rc line) cannot shadow the go env file.
//
// Quoting, per shell, so that any value survives (spaces, quotes, $, backslashes, | and ,):
//   sh:   '...' takes everything literally; a ' is written as '\'' .
//   fish: '...' is literal except \' and \\ (fish unescapes both inside single quotes).
//   pwsh: '...' is literal except the quote itself, doubled; PowerShell also treats the
//         typographic quotes U+2018 U+2019 U+201A U+201B as single quotes, so those are doubled too.
export type GoVars = Readonly<Record<string, string | null>>;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function renderEnvSh(vars: GoVars, header = defaultHeader()): string {
  return render(header, vars, (name, value) => (value === null ? `unset ${name}` : `export ${name}=${shQuote(value)}`));
}

export function renderEnvFish(vars: GoVars, header = defaultHeader()): string {
  return render(header, vars, (name, value) => (value === null ? `set -e ${name}` : `set -gx ${name} ${fishQuote(value)}`));
}

export function renderEnvPs1(vars: GoVars, header = defaultHeader()): string {
  return render(header, vars, (name, value) =>
    value === null ? `Remove-Item -LiteralPath Env:${name} -ErrorAction SilentlyContinue` : `$env:${name} = ${pwshQuote(value)}`,
  );
}

export function shQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function fishQuote(value: string): string {
  return `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

export function pwshQuote(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, (c) => c + c)}'`;
}

function render(header: string, vars: GoVars, line: (name: string, value: string | null) => string): string {
  const out = header.split('\n').map((l) => `# ${l}`);
  for (const [name, value] of Object.entries(vars)) {
    if (!NAME.test(name)) throw new Error(`"${name}" is not a valid environment variable name`);
    if (value !== null && value.includes('\0')) throw new Error(`the value of ${name} contains a NUL byte, which no shell can hold`);
    out.push(line(name, value));
  }
  return out.join('\n') + '\n';
}

function defaultHeader(): string {
  return 'Written by goproxyctl: the Go proxy settings of the active profile.\nRewritten on every apply; edit profiles with goproxyctl, not this file.';
}
