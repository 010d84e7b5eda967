// The pure parts of `use`: a profile's variables (GOAUTH only where go can run a helper), the rc
// line finder that names a shadowing export, and go version comparison.
import { render } from '../../../shared/i18n/catalog.js';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { builtinProfile, type Profile } from '../../../shared/profile/index.js';
import { activeProfileFromHistory, goAtLeast, profileVars, UseInputError } from '../../../electron/core/use/index.js';

const withCredentials: Profile = {
  ...builtinProfile('global')!,
  id: 'team',
  name: 'Team',
  goproxy: [{ url: 'https://athens.corp.example', separator: '|' }, { url: 'https://proxy.golang.org', separator: ',' }, { url: 'direct' }],
  goprivate: 'git.corp.example',
  credentials: [{ origin: 'https://athens.corp.example' }],
};
const helper = ['/usr/bin/node', '/opt/goproxyctl/bin/goproxyctl.js'];

test('GOAUTH runs the helper on go 1.24+, keeping netrc; older go gets a note about `auth netrc` instead', () => {
  const modern = profileVars(withCredentials, 'go1.24.2', helper);
  assert.equal(modern.vars.GOAUTH, 'netrc;command /usr/bin/node /opt/goproxyctl/bin/goproxyctl.js auth helper');
  assert.equal(modern.vars.GOPROXY, 'https://athens.corp.example|https://proxy.golang.org,direct');
  assert.deepEqual(modern.notes, []);
  const old = profileVars(withCredentials, 'go1.23.5', helper);
  assert.equal('GOAUTH' in old.vars, false);
  assert.match(render('en', old.notes[0]!), /go1\.23\.5 has no GOAUTH: run `goproxyctl auth netrc --enable`/);
  const spaced = profileVars(withCredentials, 'go1.25.0', ['/usr/bin/node', '/Users/A B/goproxyctl.js']);
  assert.equal('GOAUTH' in spaced.vars, false);
  assert.match(render('en', spaced.notes[0]!), /contains a space/);
  // No credentials: GOAUTH is left alone whatever the version.
  assert.equal('GOAUTH' in profileVars(builtinProfile('china')!, 'go1.24.0', helper).vars, false);
});

test('a template profile is refused with the placeholders to fill in', () => {
  assert.throws(() => profileVars(builtinProfile('corporate')!, 'go1.23.5', helper), (err: unknown) => err instanceof UseInputError && /replace <PRIVATE_PROXY_URL>/.test(err.message));
});

test('go versions compare by major.minor; an unknown version counts as current', () => {
  assert.equal(goAtLeast('go1.24.0', 1, 24), true);
  assert.equal(goAtLeast('go1.24rc1', 1, 24), true);
  assert.equal(goAtLeast('go1.23.9', 1, 24), false);
  assert.equal(goAtLeast('go2.0', 1, 24), true);
  assert.equal(goAtLeast('devel', 1, 24), true);
});

test('after an undo the active profile is the newest `use` apply still in effect', () => {
  const s = (label: string, status: 'committed' | 'undone' | 'rolled-back' | 'pending') => ({ id: label, time: '', label, status, files: [] });
  assert.equal(activeProfileFromHistory([s('use china', 'undone'), s('doctor --fix', 'committed'), s('use global', 'committed'), s('use offline', 'committed')]), 'global');
  assert.equal(activeProfileFromHistory([s('use china', 'undone'), s('use global', 'rolled-back')]), null);
  assert.equal(activeProfileFromHistory([]), null);
});
