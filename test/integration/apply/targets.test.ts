// Where things go: the product's directories (compared with env-paths), each shell's startup
// files, and the default shell selection.
import assert from 'node:assert/strict';
import envPaths from 'env-paths';
import { describe, it } from 'node:test';
import { productDirs } from '../../../electron/core/apply/product-dirs.js';
import { defaultShells, shellTarget } from '../../../electron/core/apply/shells.js';

const dirs = productDirs({ HOME: '/home/u' }, 'linux');

describe('product directories', () => {
  it('agree with env-paths for the real environment', () => {
    const reference = envPaths('goproxyctl', { suffix: '' });
    const ours = productDirs();
    assert.equal(ours.config, reference.config);
    assert.equal(ours.data, reference.data);
    if (process.platform === 'linux') assert.equal(ours.state, reference.log);
  });

  it('honour XDG_* and HOME', () => {
    assert.deepEqual(dirs, { config: '/home/u/.config/goproxyctl', data: '/home/u/.local/share/goproxyctl', state: '/home/u/.local/state/goproxyctl' });
    const xdg = productDirs({ HOME: '/home/u', XDG_CONFIG_HOME: '/c', XDG_DATA_HOME: '/d', XDG_STATE_HOME: '/s' }, 'linux');
    assert.deepEqual(xdg, { config: '/c/goproxyctl', data: '/d/goproxyctl', state: '/s/goproxyctl' });
    assert.equal(productDirs({ HOME: '/Users/u' }, 'darwin').data, '/Users/u/Library/Application Support/goproxyctl');
    assert.equal(productDirs({ USERPROFILE: 'C:\\Users\\u', LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32').data, 'C:\\Users\\u\\AppData\\Local\\goproxyctl\\Data');
  });
});

describe('shell targets', () => {
  it('bash: ~/.bashrc, plus ~/.bash_profile on macOS; the block sources env.sh via $HOME', () => {
    const linux = shellTarget('bash', { HOME: '/home/u' }, 'linux', dirs);
    assert.deepEqual(linux.startupFiles, ['/home/u/.bashrc']);
    assert.equal(linux.loader[1], '[ -f "$HOME/.config/goproxyctl/env.sh" ] && . "$HOME/.config/goproxyctl/env.sh"');
    const mac = shellTarget('bash', { HOME: '/Users/u' }, 'darwin', productDirs({ HOME: '/Users/u' }, 'darwin'));
    assert.deepEqual(mac.startupFiles, ['/Users/u/.bashrc', '/Users/u/.bash_profile']);
    assert.equal(mac.loader[1], '[ -f "$HOME/Library/Preferences/goproxyctl/env.sh" ] && . "$HOME/Library/Preferences/goproxyctl/env.sh"');
    const outside = shellTarget('bash', { HOME: '/home/u' }, 'linux', productDirs({ HOME: '/home/u', XDG_CONFIG_HOME: "/etc/it's" }, 'linux'));
    assert.equal(outside.loader[1], `[ -f '/etc/it'\\''s/goproxyctl/env.sh' ] && . '/etc/it'\\''s/goproxyctl/env.sh'`);
  });

  it('zsh honours ZDOTDIR; fish uses its own conf.d file under XDG_CONFIG_HOME; pwsh uses $PROFILE', () => {
    assert.deepEqual(shellTarget('zsh', { HOME: '/home/u', ZDOTDIR: '/home/u/.zsh' }, 'linux', dirs).startupFiles, ['/home/u/.zsh/.zshrc']);
    const fish = shellTarget('fish', { HOME: '/home/u', XDG_CONFIG_HOME: '/x' }, 'linux', dirs);
    assert.deepEqual(fish.startupFiles, ['/x/fish/conf.d/goproxyctl.fish']);
    assert.equal(fish.ownsStartupFile, true);
    assert.deepEqual(shellTarget('pwsh', { HOME: '/home/u' }, 'linux', dirs).startupFiles, ['/home/u/.config/powershell/Microsoft.PowerShell_profile.ps1']);
    assert.deepEqual(shellTarget('pwsh', { USERPROFILE: 'C:\\Users\\u' }, 'win32', dirs).startupFiles, ['C:\\Users\\u\\Documents\\PowerShell\\Microsoft.PowerShell_profile.ps1']);
  });

  it('default: the login shell plus every shell whose startup file exists', () => {
    const existing = new Set(['/home/u/.zshrc']);
    assert.deepEqual(defaultShells({ HOME: '/home/u', SHELL: '/usr/bin/fish' }, 'linux', dirs, (f) => existing.has(f)), ['zsh', 'fish']);
    assert.deepEqual(defaultShells({ HOME: '/home/u', SHELL: '/bin/bash' }, 'linux', dirs, () => false), ['bash']);
    assert.deepEqual(defaultShells({ HOME: '/home/u' }, 'linux', dirs, () => false), []);
  });
});
