// The Windows registry path, with the command runner faked (reg.exe cannot run here): the exact
// commands, argv-separated values, previous values kept for undo, and errors surfaced.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRegQueryValue, restoreWindowsUserEnv, writeWindowsUserEnv, type CommandResult, type CommandRunner } from '../../../electron/core/apply/windows-user-env.js';

/** A fake HKCU\Environment that answers reg.exe the way reg.exe does. */
function fakeRegistry(initial: Record<string, string>): { runner: CommandRunner; values: Map<string, string>; calls: string[][] } {
  const values = new Map(Object.entries(initial));
  const calls: string[][] = [];
  const answer = (command: string, args: readonly string[]): CommandResult => {
    calls.push([command, ...args]);
    if (command !== 'reg') return { code: 0, stdout: '', stderr: '' };
    const [verb, key, , name] = args;
    assert.equal(key, 'HKCU\\Environment');
    if (verb === 'query') {
      const v = values.get(name!);
      if (v === undefined) return { code: 1, stdout: '', stderr: 'ERROR: The system was unable to find the specified registry key or value.\r\n' };
      return { code: 0, stdout: `\r\nHKEY_CURRENT_USER\\Environment\r\n    ${name}    REG_SZ    ${v}\r\n\r\n`, stderr: '' };
    }
    if (verb === 'add') {
      values.set(name!, args[args.indexOf('/d') + 1]!);
      return { code: 0, stdout: 'The operation completed successfully.\r\n', stderr: '' };
    }
    if (verb === 'delete') {
      if (!values.delete(name!)) return { code: 1, stdout: '', stderr: 'ERROR: The system was unable to find the specified registry key or value.\r\n' };
      return { code: 0, stdout: 'The operation completed successfully.\r\n', stderr: '' };
    }
    return { code: 1, stdout: '', stderr: 'ERROR: Invalid syntax.\r\n' };
  };
  const runner: CommandRunner = (command, args) => Promise.resolve(answer(command, args));
  return { runner, values, calls };
}

describe('Windows user environment variables', () => {
  it('sets and deletes through reg.exe, broadcasts once, and returns what undo needs', async () => {
    const reg = fakeRegistry({ GOPROXY: 'https://old.example', GOPRIVATE: 'corp.example', GOFLAGS: '-mod=mod' });
    const value = 'https://goproxy.cn|https://proxy.golang.org,direct "quoted" %PATH% \\';
    const changed = await writeWindowsUserEnv({ GOPROXY: value, GOPRIVATE: null, GOSUMDB: 'sum.golang.google.cn', GOFLAGS: '-mod=mod' }, reg.runner);
    assert.deepEqual(changed, [
      { name: 'GOPROXY', before: 'https://old.example' },
      { name: 'GOPRIVATE', before: 'corp.example' },
      { name: 'GOSUMDB', before: null },
    ]);
    assert.deepEqual(reg.calls.find((c) => c[1] === 'add' && c[4] === 'GOPROXY'), ['reg', 'add', 'HKCU\\Environment', '/v', 'GOPROXY', '/t', 'REG_SZ', '/d', value, '/f']);
    assert.deepEqual(reg.calls.find((c) => c[1] === 'delete'), ['reg', 'delete', 'HKCU\\Environment', '/v', 'GOPRIVATE', '/f']);
    assert.equal(reg.calls.filter((c) => c[0] === 'powershell.exe').length, 1, 'one WM_SETTINGCHANGE broadcast');
    assert.ok(!reg.calls.some((c) => c[1] === 'add' && c[4] === 'GOFLAGS'), 'unchanged values are not rewritten');
    assert.deepEqual(Object.fromEntries(reg.values), { GOPROXY: value, GOSUMDB: 'sum.golang.google.cn', GOFLAGS: '-mod=mod' });

    await restoreWindowsUserEnv(changed, reg.runner);
    assert.deepEqual(Object.fromEntries(reg.values), { GOPROXY: 'https://old.example', GOPRIVATE: 'corp.example', GOFLAGS: '-mod=mod' });
  });

  it('a failing reg.exe is reported in one sentence', async () => {
    const runner: CommandRunner = (_c, args) =>
      Promise.resolve(args[0] === 'query' ? { code: 1, stdout: '', stderr: '' } : { code: 1, stdout: '', stderr: 'ERROR: Access is denied.\r\n' });
    await assert.rejects(writeWindowsUserEnv({ GOPROXY: 'direct' }, runner), /could not set the Windows user variable GOPROXY: ERROR: Access is denied\./);
  });

  it('parses reg query output, including empty values and spaces', () => {
    assert.equal(parseRegQueryValue('\r\nHKEY_CURRENT_USER\\Environment\r\n    GOFLAGS    REG_SZ    -mod=mod -v\r\n', 'GOFLAGS'), '-mod=mod -v');
    assert.equal(parseRegQueryValue('    GOFLAGS    REG_SZ    \r\n', 'GOFLAGS'), '');
    assert.equal(parseRegQueryValue('    GOFLAGS    REG_EXPAND_SZ    %USERPROFILE%\\go\r\n', 'GOFLAGS'), '%USERPROFILE%\\go');
    assert.equal(parseRegQueryValue('    OTHER    REG_SZ    x\r\n', 'GOFLAGS'), null);
  });
});
