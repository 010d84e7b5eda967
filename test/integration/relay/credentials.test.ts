// Credentials for a private upstream: userinfo in the chain entry is sent as Basic auth over
// https to that origin only; over plain http the relay refuses, as go does.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startLab, type Lab } from '../../lab/index.js';
import { startTestRelay } from './helpers.js';

let lab: Lab;
const auth = { user: 'dev', password: 'lab-secret' };
before(async () => {
  lab = await startLab({
    proxies: [
      { name: 'private', tls: 'valid', faults: { auth } },
      { name: 'plain', faults: { auth } },
    ],
  });
});
after(async () => {
  await lab?.close();
});

function withUser(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = user;
  u.password = password;
  return u.href.replace(/\/$/, '');
}

test('userinfo in an https entry authenticates the relay to it', async () => {
  const { relay } = await startTestRelay(lab, withUser(lab.proxies.private!.url, auth.user, auth.password));
  try {
    const res = await fetch(`${relay.url}/lab.invalid/app/@v/list`);
    assert.equal(res.status, 200, await res.text());
    assert.ok(lab.proxies.private!.accessLog.some((e) => e.authorized === true));
  } finally {
    await relay.close();
  }
  const { relay: wrong } = await startTestRelay(lab, withUser(lab.proxies.private!.url, auth.user, 'wrong'));
  try {
    const res = await fetch(`${wrong.url}/lab.invalid/app/@v/list`);
    assert.equal(res.status, 401, 'the upstream\'s own status reaches go');
  } finally {
    await wrong.close();
  }
});

test('credentials are never sent over plain http', async () => {
  const { relay } = await startTestRelay(lab, withUser(lab.proxies.plain!.url, auth.user, auth.password));
  try {
    lab.proxies.plain!.clearLog();
    const res = await fetch(`${relay.url}/lab.invalid/app/@v/list`);
    assert.equal(res.status, 502);
    assert.match(await res.text(), /refusing to pass credentials to insecure URL/);
    assert.deepEqual(lab.proxies.plain!.accessLog, []);
  } finally {
    await relay.close();
  }
});

test('an unreadable keychain is reported, and the upstream is asked without credentials', async () => {
  const { relay, events } = await startTestRelay(lab, lab.proxies.private!.url, {
    credentialsFor: () => Promise.reject(new Error('the keychain is locked')),
  });
  try {
    lab.proxies.private!.clearLog();
    const res = await fetch(`${relay.url}/lab.invalid/app/@v/list`);
    assert.equal(res.status, 401, 'the upstream\'s own answer to a request without credentials');
    assert.ok(lab.proxies.private!.accessLog.length > 0 && lab.proxies.private!.accessLog.every((e) => e.authorized !== true));
    const reported = events.filter((e) => e.type === 'error').map((e) => e.message);
    assert.ok(reported.some((m) => m.includes(lab.proxies.private!.url) && m.includes('the keychain is locked')), JSON.stringify(reported));
  } finally {
    await relay.close();
  }
});
