// `goproxyctl use <profile>` as two steps the CLI and the tray share:
//   planUse   resolve the profile → its Go variables (validated) → the apply plan (the dry run);
//   commitUse write it (one transaction, undoable), record the active profile, then verify with
//             the real go that new processes and new terminals see the profile.
import { joinedProblems } from '../../../shared/profile/validate.js';
import { msg, type Message } from '../../../shared/i18n/message.js';
import { goEnvFilePath } from '../apply/go-env-path.js';
import path from 'node:path';
import type { Profile } from '../../../shared/profile/index.js';
import { profileIdProblem } from '../../../shared/profile/index.js';
import { ApplyRefusedError, assertGoEnvFileReadable, commitApply, GoEnvError, planApply, productDirs, shellTarget, type ApplyPlan, type ApplyRecord, type ShellName } from '../apply/index.js';
import { findGoBinary } from '../goenv/locate-go.js';
import { queryGo } from '../goenv/query-go.js';
import { ProfileError, ProfileStore } from '../profiles/index.js';
import { UseInputError } from './errors.js';
import { findOnPath } from '../system/find-on-path.js';
import { profileVars } from './profile-vars.js';
import type { TerminalShell } from './shell-env.js';
import { verifyApply, type VerifyReport } from './verify-apply.js';
import { execFileRunner } from './windows-runner.js';

export interface UseRequest {
  profileId: string;
  /** Overrides the profile's targets.shells (and the default: login shell plus shells in use). */
  shells?: readonly ShellName[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  platform?: NodeJS.Platform;
  /** How go should run this goproxyctl as a GOAUTH helper, e.g. [process.execPath, <cli script>]. */
  helperArgv: readonly string[];
  /** undefined: the go on PATH (or $GOPROXYCTL_GO); null: behave as if go were not installed. */
  goBinary?: string | null;
}

export interface UsePlan {
  request: UseRequest;
  profile: Profile;
  vars: Record<string, string | null>;
  goBinary: string | null;
  goVersion: string | null;
  /** Non-blocking notes (credentials on an old go...), plus the apply plan's warnings (go's own output quoted). */
  notes: Message[];
  plan: ApplyPlan;
}

export interface UseResult {
  record: ApplyRecord | null;
  verification: VerifyReport;
}

export async function planUse(request: UseRequest): Promise<UsePlan> {
  const platform = request.platform ?? process.platform;
  const idProblem = profileIdProblem(request.profileId);
  if (idProblem) throw new UseInputError(msg('apply.use.bad-id', { problem: idProblem }));
  const store = new ProfileStore({ env: request.env, platform, cwd: request.cwd });
  let profile: Profile;
  try {
    profile = await store.get(request.profileId);
  } catch (err) {
    if (err instanceof ProfileError) throw new UseInputError(err.detail);
    throw err;
  }
  const goBinary = request.goBinary === undefined ? findGoBinary(request.env, platform) : request.goBinary;
  // Before go runs at all: go blocks on a fifo in place of its env file.
  await assertGoEnvFileReadable(request.env, platform, request.cwd).catch((err: unknown) => {
    throw err instanceof GoEnvError ? new UseInputError(nothingWritten([err.detail])) : err;
  });
  const goVersion = goBinary ? await queryGo(goBinary, request.env).then((f) => f.version, () => null) : null;
  const { vars, notes } = profileVars(profile, goVersion, request.helperArgv);
  const shells = request.shells ?? profile.targets.shells ?? undefined;
  const plan = await planApply({ label: `use ${profile.id}`, vars, shells, goEnv: profile.targets.goEnv, env: request.env, platform, cwd: request.cwd, goBinary });
  if (plan.problems.length > 0) throw new UseInputError(nothingWritten(plan.problemMessages));
  const warnings = plan.warnings.map((w) => (request.env.GOENV === 'off' && w === goEnvOffReason() ? msg('apply.note.goenv-off') : msg('apply.note.go-said', { output: w })));
  return { request, profile, vars, goBinary, goVersion, notes: [...notes, ...warnings], plan };
}

export async function commitUse(use: UsePlan, opts: { signal?: AbortSignal } = {}): Promise<UseResult> {
  const { request, plan } = use;
  const platform = request.platform ?? process.platform;
  let record: ApplyRecord | null;
  try {
    record = await commitApply(plan, { windowsRunner: platform === 'win32' ? execFileRunner : undefined, lock: { signal: opts.signal } });
  } catch (err) {
    // An apply refused by planApply has its messages; a refusal from elsewhere is quoted as written.
    if (err instanceof ApplyRefusedError) throw new UseInputError(nothingWritten(err.details.length > 0 ? err.details : err.refusals.map((problem) => msg('apply.problem.quoted', { problem }))));
    throw err;
  }
  await new ProfileStore({ env: request.env, platform, cwd: request.cwd }).setActive(use.profile.id);
  const dirs = productDirs(request.env, platform);
  const bashRc = platform !== 'win32' && plan.shells.includes('bash') ? (shellTarget('bash', request.env, platform, dirs).startupFiles[0] ?? null) : null;
  const shScript = plan.shells.find((s) => s === 'bash' || s === 'zsh');
  const verification = await verifyApply({
    vars: use.vars,
    env: request.env,
    goBinary: use.goBinary,
    bashRc,
    bash: platform === 'win32' ? null : findOnPath('bash', request.env),
    envScript: shScript ? shellTarget(shScript, request.env, platform, dirs).envScript : null,
    cwd: request.cwd,
    terminals: platform === 'win32' ? [] : plan.shells.filter((s): s is TerminalShell => s === 'bash' || s === 'zsh' || s === 'fish'),
    startupFiles: {
      bash: shellTarget('bash', request.env, platform, dirs).startupFiles,
      zsh: shellTarget('zsh', request.env, platform, dirs).startupFiles,
      fish: fishStartupFiles(request.env, platform, dirs),
    },
  });
  return { record, verification };
}

/** fish reads config.fish after conf.d, so a `set -gx` there overrides goproxyctl's conf.d file. */
function fishStartupFiles(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, dirs: ReturnType<typeof productDirs>): string[] {
  const owned = shellTarget('fish', env, platform, dirs).startupFiles[0]!;
  return [path.join(path.dirname(path.dirname(owned)), 'config.fish')];
}

/** The apply engine's refusals (invalid variables, unwritable or damaged files), nothing written. */
function nothingWritten(problems: readonly Message[]): Message {
  return msg('apply.use.nothing-written', { reason: joinedProblems(problems) });
}

/** The plan's warning when GOENV=off (electron/core/apply/go-env-path.ts), worded by the catalogue instead. */
function goEnvOffReason(): string {
  const location = goEnvFilePath({ GOENV: 'off' });
  return location.path === null ? location.reason : '';
}
