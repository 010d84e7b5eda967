// Profiles, switching (the use engine), the apply history and undo, through the real headless
// server under a temporary HOME; the real go 1.23 says what the go env file holds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUILTIN_PROFILES, structuredCloneProfile, type Profile } from '../../../shared/profile/index.js';
import { goEnv, rejection, serve } from './harness.js';

function labProfile(id: string, goproxy: Profile['goproxy']): Profile {
  const p = structuredCloneProfile(BUILTIN_PROFILES.find((b) => b.id === 'global')!);
  return { ...p, id, name: `Lab ${id}`, goproxy, gosumdb: 'off', targets: { goEnv: true, shells: ['bash'] } };
}

test('profiles: CRUD, switch through the use engine (go sees it), undo restores go env and the active profile', { timeout: 180_000 }, async () => {
  const s = await serve();
  try {
    const { api } = s;
    const listed = await api.refreshProfiles({});
    assert.deepEqual(listed.map((p) => p.profile.id).sort(), BUILTIN_PROFILES.map((p) => p.id).sort());
    assert.ok(listed.find((p) => p.profile.id === 'corporate')!.blockers.length > 0, 'a template profile says what to fill in');
    const defaultGoproxy = await goEnv(s.env, 'GOPROXY');

    // Create, duplicate, export, import, update, delete.
    const chain = [{ url: 'http://127.0.0.1:9/a', separator: '|' as const }, { url: 'direct' }];
    const created = await api.createProfile({ profile: labProfile('lab', chain) });
    assert.equal(created.origin, 'user');
    assert.equal((await rejection(api.createProfile({ profile: labProfile('lab', chain) }))).code, 'bad-request', 'the id is taken');
    const invalid = await rejection(api.createProfile({ profile: { ...labProfile('bad', chain), goproxy: [{ url: 'https://u:p@x.example' }] } }));
    assert.equal(invalid.code, 'bad-request');
    assert.ok(!invalid.message.includes('u:p@'), 'the refusal does not echo a credential');
    const copy = await api.duplicateProfile({ id: 'china', newId: 'my-china', name: null });
    assert.equal(copy.profile.goproxy[0]!.url, 'https://goproxy.cn');
    assert.equal((await rejection(api.updateProfile({ profile: { ...copy.profile, id: 'china' } }))).code, 'bad-request', 'built-ins are read-only');
    const exported = await api.exportProfile({ id: 'lab' });
    assert.equal((JSON.parse(exported.text) as { id: unknown }).id, 'lab');
    const imported = await api.importProfiles({ text: exported.text.replace(/"lab"/g, '"lab2"'), replace: false });
    assert.deepEqual(imported.map((p) => p.profile.id), ['lab2']);
    await api.deleteProfile({ id: 'lab2' });
    const updated = await api.updateProfile({ profile: { ...created.profile, name: 'Lab renamed' } });
    assert.equal(updated.profile.name, 'Lab renamed');
    let state = await api.state();
    assert.deepEqual(state.profiles.list.map((p) => p.profile.id).sort(), [...BUILTIN_PROFILES.map((p) => p.id), 'lab', 'my-china'].sort());

    // Switch: the go env file changes, the state follows, and the apply is listed.
    const switched = await api.switchProfile({ id: 'lab' });
    assert.ok(switched.applyId !== null);
    assert.equal(await goEnv(s.env, 'GOPROXY'), 'http://127.0.0.1:9/a|direct');
    assert.equal(await goEnv(s.env, 'GOSUMDB'), 'off');
    assert.equal(switched.verified, true, `go and a new bash see the profile: ${switched.mismatches.join('; ')}`);
    state = await api.state();
    assert.equal(state.profiles.active, 'lab');
    assert.equal(state.switching.last?.profileId, 'lab');
    assert.equal(state.applies.list[0]?.label, 'use lab');
    assert.equal(state.applies.list[0]?.id, switched.applyId);
    assert.equal(state.config.view?.vars.find((v) => v.name === 'GOPROXY')?.value, 'http://127.0.0.1:9/a|direct', 'the configuration was re-read');

    await api.switchProfile({ id: 'my-china' });
    assert.equal(await goEnv(s.env, 'GOPROXY'), 'https://goproxy.cn|https://mirrors.aliyun.com/goproxy/,direct');
    assert.equal((await rejection(api.switchProfile({ id: 'corporate' }))).code, 'bad-request', 'a template with placeholders is not applied');
    assert.equal((await rejection(api.switchProfile({ id: 'no-such-profile' }))).code, 'bad-request');

    // Undo, newest first: back to lab, then to nothing at all.
    const first = await api.undoLastApply({ force: false });
    assert.equal(first.undone?.label, 'use my-china');
    assert.equal(first.activeProfile, 'lab');
    assert.equal(await goEnv(s.env, 'GOPROXY'), 'http://127.0.0.1:9/a|direct');
    const second = await api.undoLastApply({ force: false });
    assert.equal(second.undone?.label, 'use lab');
    assert.equal(second.activeProfile, null);
    assert.equal(await goEnv(s.env, 'GOPROXY'), defaultGoproxy);
    state = await api.state();
    assert.equal(state.profiles.active, null);
    assert.deepEqual(
      state.applies.list.map((a) => [a.label, a.status]),
      [
        ['use my-china', 'undone'],
        ['use lab', 'undone'],
      ],
    );
    assert.deepEqual(await api.undoLastApply({ force: false }), { undone: null, activeProfile: null });
    assert.ok(s.events.every((e) => e.type !== 'notice' || e.code !== 'config-unreadable'), 'go was readable throughout');
  } finally {
    await s.close();
  }
});
