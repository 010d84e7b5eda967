// The profile option "through the local relay": validation, what `use` writes, and that a profile
// without it is unchanged (backward compatible).
import { render } from '../../../shared/i18n/catalog.js';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { builtinProfile, profileGoproxy, profileRelayPort, profileToGoEnv, profileWrittenGoproxy, serializeProfile, validateProfile } from '../../../shared/profile/index.js';

const base = { ...builtinProfile('china')!, id: 'mine', name: 'Mine' };

test('a profile with relay writes the relay first, then its chain after "|"', () => {
  const check = validateProfile({ ...base, relay: { port: 7890 } });
  assert.ok(check.ok, JSON.stringify(check));
  assert.equal(profileRelayPort(check.profile), 7890);
  assert.equal(profileGoproxy(check.profile), 'https://goproxy.cn|https://mirrors.aliyun.com/goproxy/,direct');
  assert.equal(profileWrittenGoproxy(check.profile), 'http://127.0.0.1:7890|https://goproxy.cn|https://mirrors.aliyun.com/goproxy/,direct');
  assert.equal(profileToGoEnv(check.profile).GOPROXY, 'http://127.0.0.1:7890|https://goproxy.cn|https://mirrors.aliyun.com/goproxy/,direct');
});

test('relay omitted or null is off, and the profile serializes as before the option existed', () => {
  for (const relay of [undefined, null]) {
    const check = validateProfile(relay === undefined ? base : { ...base, relay });
    assert.ok(check.ok);
    assert.equal(profileRelayPort(check.profile), null);
    assert.equal(profileToGoEnv(check.profile).GOPROXY, profileGoproxy(check.profile));
    assert.ok(!('relay' in check.profile));
    assert.ok(!serializeProfile(check.profile).includes('relay'));
  }
});

test('a bad relay option is one sentence naming the field', () => {
  const errors = (value: unknown): string[] => {
    const check = validateProfile(value);
    assert.ok(!check.ok);
    return check.errors.map((e) => render('en', e));
  };
  assert.match(errors({ ...base, relay: { port: 0 } }).join(), /^relay\.port: must be a whole number from 1 to 65535/);
  assert.match(errors({ ...base, relay: { port: 7890.5 } }).join(), /relay\.port/);
  assert.match(errors({ ...base, relay: { port: '7890' } }).join(), /relay\.port/);
  assert.match(errors({ ...base, relay: true }).join(), /^relay: must be null/);
  assert.match(errors({ ...base, relay: { port: 7890, host: '0.0.0.0' } }).join(), /^relay: must be null/);
  assert.match(errors({ ...base, relay: { port: 7890 }, goproxy: [{ url: 'http://127.0.0.1:7890', separator: '|' }, { url: 'direct' }] }).join(), /goproxy\[0\]\.url: .* relay itself/);
  assert.match(errors({ ...base, relay: { port: 7890 }, goproxy: [{ url: 'off' }] }).join(), /^relay: the chain is "off"/);
});
