// Snippets that carry a profile to places the tray cannot reach: Dockerfiles, CI, direnv, plain
// shells. Pure. Values are quoted for each format; credentials never appear: they become
// references to CI secrets (or a BuildKit secret) that the user creates once.
import { msg } from '../../../shared/i18n/message.js';
import { applyBlockers } from '../../../shared/profile/validate.js';
import { profileToPortableGoEnv } from '../../../shared/profile/to-go-env.js';
import type { Profile } from '../../../shared/profile/types.js';
import { shQuote } from '../apply/env-scripts.js';
import { MessageError } from '../../../shared/i18n/message-error.js';

export const EXPORT_FORMATS = ['docker', 'github-actions', 'gitlab-ci', 'direnv', 'shell'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface Snippet {
  format: ExportFormat;
  /** Where the snippet usually goes. */
  target: string;
  text: string;
  /** CI secret variables the snippet reads, which the user must create. */
  secrets: string[];
}

/** A profile that cannot be exported (a template): the sentence as a message, the Error's message its English. */
export class ExportError extends MessageError {
  override name = 'ExportError';
}

interface CredentialSecret {
  host: string;
  user: string;
  token: string;
}

/** Names of the CI secrets for each credential origin: GOPROXY_USER/GOPROXY_TOKEN, suffixed by host when there are several. */
export function credentialSecrets(profile: Profile): CredentialSecret[] {
  const many = profile.credentials.length > 1;
  return profile.credentials.map((c) => {
    const host = c.origin.replace(/^https:\/\//, '').replace(/\/$/, '');
    const suffix = many ? '_' + host.toUpperCase().replace(/[^A-Z0-9]+/g, '_') : '';
    return { host: host.replace(/:\d+$/, ''), user: `GOPROXY_USER${suffix}`, token: `GOPROXY_TOKEN${suffix}` };
  });
}

export function exportProfile(profile: Profile, format: ExportFormat): Snippet {
  const blockers = applyBlockers(profile);
  if (blockers.length > 0) throw new ExportError(msg('apply.export.template', { id: profile.id, blocker: blockers[0]! }));
  const vars = profileToPortableGoEnv(profile);
  const creds = credentialSecrets(profile);
  const secrets = creds.flatMap((c) => [c.user, c.token]);
  const title = `Go module proxy settings of the goproxyctl profile "${profile.id}" (${oneLine(profile.name)})`;
  switch (format) {
    case 'docker':
      return { format, target: 'Dockerfile', secrets: creds.length ? ['netrc (BuildKit secret)'] : [], text: docker(title, vars, creds.length > 0) };
    case 'github-actions':
      return { format, target: '.github/workflows/*.yml', secrets, text: githubActions(title, vars, creds) };
    case 'gitlab-ci':
      return { format, target: '.gitlab-ci.yml', secrets, text: gitlabCi(title, vars, creds) };
    case 'direnv':
      return { format, target: '.envrc', secrets: [], text: shell(title, vars, creds.length > 0, true) };
    case 'shell':
      return { format, target: 'sh, bash, zsh or fish', secrets: [], text: shell(title, vars, creds.length > 0, false) };
  }
}

function oneLine(s: string): string {
  // Control characters (a newline above all) would end the comment line the name is shown in.
  return [...s].map((c) => (c.charCodeAt(0) < 0x20 || c === '\u007f' ? ' ' : c)).join('');
}

function setVars(vars: Record<string, string | null>): [string, string][] {
  return Object.entries(vars).filter((e): e is [string, string] => e[1] !== null);
}

/** Dockerfile double-quoted word: backslash escapes \ " and $ (ENV and ARG expand $VAR). */
function dockerQuote(v: string): string {
  return `"${v.replace(/[\\"$]/g, (c) => `\\${c}`)}"`;
}

function docker(title: string, vars: Record<string, string | null>, credentials: boolean): string {
  const set = setVars(vars);
  const lines = [`# ${title}.`, '# Paste after the FROM of the stage that runs go (an ARG before FROM is not visible inside a stage).', '# ARG lets a build override a value: docker build --build-arg GOPROXY=...'];
  for (const [k, v] of set) lines.push(`ARG ${k}=${dockerQuote(v)}`);
  lines.push(`ENV ${set.map(([k]) => `${k}=$${k}`).join(' \\\n    ')}`);
  if (credentials) {
    // go reads the netrc named by $NETRC (cmd/go/internal/auth/netrc.go, go 1.19 and 1.23), so the
    // secret stays at BuildKit's own mount point (/run/secrets/<id>) whatever the image's user and
    // HOME are; it is never in a layer.
    lines.push(
      '# Private proxy credentials: never in the image. Pass your netrc as a BuildKit secret:',
      '#   docker build --secret id=netrc,src=$HOME/.netrc .',
      'COPY go.mod go.sum ./',
      'RUN --mount=type=secret,id=netrc NETRC=/run/secrets/netrc go mod download',
    );
  }
  return lines.join('\n') + '\n';
}

/** YAML double-quoted scalar (JSON's escapes are valid YAML). */
function yamlQuote(v: string): string {
  return JSON.stringify(v);
}

function netrcScript(creds: CredentialSecret[], ref: (name: string) => string): string[] {
  return [
    ...creds.map((c) => `printf 'machine %s login %s password %s\\n' ${shQuote(c.host)} "${ref(c.user)}" "${ref(c.token)}" >> "$HOME/.netrc"`),
    'chmod 600 "$HOME/.netrc"',
  ];
}

function githubActions(title: string, vars: Record<string, string | null>, creds: CredentialSecret[]): string {
  // "${{" starts an expression in any workflow string: write it through an expression.
  const q = (v: string): string => yamlQuote(v.replace(/\$\{\{/g, "${{ '${{' }}"));
  // A whole workflow, so the snippet is valid as it stands; to merge it into an existing one,
  // copy the top-level env (and the credentials step into the job that runs go).
  const lines = [`# ${title}.`, '# A complete workflow; to use it in yours, copy "env" to the top of your workflow (or of a job).', 'name: go', 'on: [push, pull_request]', 'env:'];
  for (const [k, v] of setVars(vars)) lines.push(`  ${k}: ${q(v)}`);
  lines.push('jobs:', '  build:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: actions/checkout@v4', '      - uses: actions/setup-go@v5', '        with:', '          go-version-file: go.mod');
  if (creds.length > 0) {
    lines.push(
      '      # Create the secrets in Settings > Secrets and variables > Actions.',
      '      - name: Credentials for private Go module proxies',
      '        shell: bash',
      '        env:',
      ...creds.flatMap((c) => [`          ${c.user}: \${{ secrets.${c.user} }}`, `          ${c.token}: \${{ secrets.${c.token} }}`]),
      '        run: |',
      ...netrcScript(creds, (n) => `$${n}`).map((l) => `          ${l}`),
    );
  }
  lines.push('      - run: go mod download', '      - run: go build ./...');
  return lines.join('\n') + '\n';
}

function gitlabCi(title: string, vars: Record<string, string | null>, creds: CredentialSecret[]): string {
  // GitLab expands $VAR inside variable values; "$$" is a literal "$".
  const q = (v: string): string => yamlQuote(v.replace(/\$/g, '$$$$'));
  const lines = [`# ${title}.`, 'variables:'];
  for (const [k, v] of setVars(vars)) lines.push(`  ${k}: ${q(v)}`);
  if (creds.length > 0) {
    lines.push(
      '# Create the masked CI/CD variables in Settings > CI/CD > Variables, then extend this in jobs that run go:',
      '.goproxy-credentials:',
      '  before_script:',
      ...netrcScript(creds, (n) => `$${n}`).map((l) => `    - ${yamlQuote(l)}`),
    );
  }
  return lines.join('\n') + '\n';
}

function shell(title: string, vars: Record<string, string | null>, credentials: boolean, direnv: boolean): string {
  const lines = [`# ${title}.`];
  if (direnv) lines.push('# Save as .envrc in the project and run `direnv allow`.');
  else lines.push('# Works in sh, bash, zsh and fish: `export NAME=value` exists in all four; an empty value is unset to go.');
  for (const [k, v] of Object.entries(vars)) {
    if (direnv) lines.push(v === null ? `unset ${k}` : `export ${k}=${shQuote(v)}`);
    else lines.push(`export ${k}=${v === null ? "''" : portableQuote(v)}`);
  }
  if (credentials) lines.push('# Credentials for the private proxy come from the keychain (`goproxyctl auth`) or ~/.netrc, never from this file.');
  return lines.join('\n') + '\n';
}

/**
 * A word that POSIX shells and fish read the same way: fish's single quotes treat \\ and \' as
 * escapes and POSIX's do not, so backslashes and quotes go outside the quotes, escaped.
 */
function portableQuote(v: string): string {
  return v.split(/([\\'])/).map((part) => (part === '\\' || part === "'" ? `\\${part}` : part === '' ? '' : `'${part}'`)).join('') || "''";
}
