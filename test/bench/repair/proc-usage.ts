// CPU and memory of a process tree from /proc (Linux): the parsing is pure; reading tolerates a
// process that exited between two samples.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface CpuTicks {
  /** utime + stime of the process itself. */
  own: number;
  /** cutime + cstime: children it has waited for (short-lived helpers such as nmcli). */
  reaped: number;
}

/** Fields 14-17 of /proc/<pid>/stat; the command name (field 2) may hold spaces and parentheses. */
export function parseStatTicks(stat: string): CpuTicks {
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // rest[0] is field 3 (state)
  const field = (n: number): number => Number(rest[n - 3]);
  return { own: field(14) + field(15), reaped: field(16) + field(17) };
}

/** VmRSS and VmHWM (kB) of /proc/<pid>/status. */
export function parseStatusMemory(status: string): { rssKb: number; hwmKb: number } {
  const kb = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') };
}

function read(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** Live children of pid, from every thread's children list. */
export function childPids(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const pids = tasks.flatMap((t) => (read(`/proc/${pid}/task/${t}/children`) ?? '').trim().split(/\s+/).filter(Boolean).map(Number));
  return [...new Set(pids)];
}

export function commandOf(pid: number): string {
  return (read(`/proc/${pid}/cmdline`) ?? '').split('\0').filter(Boolean).join(' ');
}

export interface ProcSample {
  ticks: CpuTicks;
  rssKb: number;
  hwmKb: number;
}

export function sampleProcess(pid: number): ProcSample | null {
  const stat = read(`/proc/${pid}/stat`);
  const status = read(`/proc/${pid}/status`);
  if (stat === null || status === null) return null;
  return { ticks: parseStatTicks(stat), ...parseStatusMemory(status) };
}

/** Clock ticks per second (USER_HZ) that /proc's CPU times count in. */
export function clockTicksPerSecond(): number {
  try {
    const n = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8', timeout: 5_000 }).trim());
    return n > 0 ? n : 100;
  } catch {
    return 100;
  }
}
