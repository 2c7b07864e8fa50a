// Sign-in, sessions, CSRF and Origin checks, password changes, API tokens, registration,
// rate limits and account deletion, against a real `headway serve` on a loopback port.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { Client, PASSWORD, cli, signedIn, startServer } from './lib/server.mjs';

const LOGIN = '/api/v1/auth/login';

// The Set-Cookie header split into its name, value and lower-cased attributes.
function parseSetCookie(header) {
  assert.ok(header, 'expected a Set-Cookie header');
  const [pair, ...attrs] = header.split(';').map((s) => s.trim());
  const eq = pair.indexOf('=');
  const attributes = {};
  for (const a of attrs) {
    const [k, v = true] = a.split('=');
    attributes[k.toLowerCase()] = v;
  }
  return { name: pair.slice(0, eq), value: pair.slice(eq + 1), attributes };
}

// A POST with the session cookie and exactly the headers given (no automatic CSRF or Origin).
async function bare(server, method, path, { cookie, headers = {}, json } = {}) {
  const h = { ...headers };
  if (cookie) h.cookie = cookie;
  if (json !== undefined) h['content-type'] = 'application/json';
  const res = await fetch(server.base + path, { method, headers: h, body: json === undefined ? undefined : JSON.stringify(json) });
  const text = await res.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = text; }
  return { status: res.status, headers: res.headers, data, text };
}

function assertError(r, status, code, field) {
  assert.equal(r.status, status, `expected ${status}, got ${r.status}: ${r.text}`);
  assert.equal(r.data?.error?.code, code, r.text);
  if (field !== undefined) assert.equal(r.data.error.field, field, r.text);
}

describe('sessions over plain http', () => {
  let server;
  before(async () => { server = await startServer(); });
  after(async () => { await server.stop(); server.cleanup(); });

  test('login sets an HttpOnly, SameSite=Lax session cookie without Secure, and returns a CSRF token', async () => {
    server.addUser('cookie@example.org');
    const r = await bare(server, 'POST', LOGIN, {
      json: { email: 'cookie@example.org', password: PASSWORD }, headers: { origin: server.origin },
    });
    assert.equal(r.status, 200, r.text);
    const c = parseSetCookie(r.headers.get('set-cookie'));
    assert.equal(c.name, 'headway_session');
    assert.match(c.value, /^[A-Za-z0-9_-]{32,}$/);
    assert.equal(c.attributes.httponly, true);
    assert.equal(c.attributes.samesite, 'Lax');
    assert.equal(c.attributes.path, '/');
    assert.ok(Number(c.attributes['max-age']) > 0);
    assert.equal(c.attributes.secure, undefined, 'no Secure flag over plain http');
    assert.equal(typeof r.data.csrf_token, 'string');
    assert.ok(r.data.csrf_token.length >= 32);
    assert.notEqual(r.data.csrf_token, c.value, 'the CSRF token is not the session token');
    assert.equal(r.data.account.email, 'cookie@example.org');
    assert.equal(JSON.stringify(r.data).includes('password'), false, 'no password hash in the answer');
  });

  test('every login gets a new session token, and both sessions work', async () => {
    server.addUser('twice@example.org');
    const a = new Client(server.base);
    const b = new Client(server.base);
    assert.equal((await a.login('twice@example.org')).status, 200);
    assert.equal((await b.login('twice@example.org')).status, 200);
    assert.ok(a.cookie && b.cookie);
    assert.notEqual(a.cookie, b.cookie);
    assert.notEqual(a.csrf, b.csrf);
    // Signing in again while holding a cookie also gets a fresh one (no session fixation).
    const earlier = a.cookie;
    assert.equal((await a.login('twice@example.org')).status, 200);
    assert.notEqual(a.cookie, earlier);
    for (const c of [a, b]) {
      const me = await c.get('/api/v1/me');
      assert.equal(me.status, 200, me.text);
      assert.equal(me.data.email, 'twice@example.org');
    }
    const old = await bare(server, 'GET', '/api/v1/me', { cookie: earlier });
    assert.equal(old.status, 200, 'an earlier session stays valid until it ends');
  });

  test('wrong password and unknown email answer 401 with the same message', async () => {
    server.addUser('known@example.org');
    const c = new Client(server.base);
    const wrong = await c.login('known@example.org', 'not the right password');
    const unknown = await c.login('nobody-here@example.org', 'not the right password');
    assertError(wrong, 401, 'unauthenticated');
    assertError(unknown, 401, 'unauthenticated');
    assert.equal(wrong.data.error.message, unknown.data.error.message);
    assert.equal(wrong.headers.get('set-cookie'), null);
    assert.equal(unknown.headers.get('set-cookie'), null);
    assert.equal(c.cookie, null);
  });

  test('logout ends the session on the server: the old cookie is refused afterwards', async () => {
    const c = await signedIn(server, 'logout@example.org');
    const cookie = c.cookie;
    assert.equal((await c.get('/api/v1/me')).status, 200);
    const out = await c.post('/api/v1/auth/logout');
    assert.equal(out.status, 204, out.text);
    const cleared = parseSetCookie(out.headers.get('set-cookie'));
    assert.equal(cleared.name, 'headway_session');
    assert.equal(cleared.value, '');
    assert.equal(cleared.attributes['max-age'], '0');
    const replay = await bare(server, 'GET', '/api/v1/me', { cookie });
    assertError(replay, 401, 'unauthenticated');
    const replayPost = await bare(server, 'POST', '/api/v1/wins', {
      cookie, json: { text: 'after logout' }, headers: { origin: server.origin, 'x-csrf-token': c.csrf },
    });
    assertError(replayPost, 401, 'unauthenticated');
  });

  test('state-changing requests need the CSRF token and a same-origin Origin; GET needs neither', async () => {
    const c = await signedIn(server, 'csrf@example.org');
    const other = new Client(server.base);
    assert.equal((await other.login('csrf@example.org')).status, 200);
    const win = { text: 'csrf probe' };
    const attempts = {
      'no X-CSRF-Token': { origin: server.origin },
      'a wrong X-CSRF-Token': { origin: server.origin, 'x-csrf-token': 'x'.repeat(c.csrf.length) },
      "another session's X-CSRF-Token": { origin: server.origin, 'x-csrf-token': other.csrf },
      'no Origin': { 'x-csrf-token': c.csrf },
      'a foreign Origin': { origin: 'http://evil.example', 'x-csrf-token': c.csrf },
      'Origin null': { origin: 'null', 'x-csrf-token': c.csrf },
      'the same host on another port': { origin: `http://127.0.0.1:${server.port + 1}`, 'x-csrf-token': c.csrf },
    };
    for (const [what, headers] of Object.entries(attempts)) {
      const r = await bare(server, 'POST', '/api/v1/wins', { cookie: c.cookie, json: win, headers });
      assertError(r, 403, 'forbidden');
      assert.ok(r.data.error.message, what);
    }
    for (const [method, path, json] of [['PATCH', '/api/v1/me', { name: 'Changed' }], ['DELETE', '/api/v1/me', { password: PASSWORD }]]) {
      const r = await bare(server, method, path, { cookie: c.cookie, json, headers: { origin: server.origin } });
      assertError(r, 403, 'forbidden');
    }
    const list = await bare(server, 'GET', '/api/v1/wins', { cookie: c.cookie });
    assert.equal(list.status, 200, 'GET with the cookie alone works');
    assert.deepEqual(list.data, [], 'none of the refused requests created a win');
    const me = await c.get('/api/v1/me');
    assert.equal(me.status, 200, 'the account survived the refused DELETE');
    assert.notEqual(me.data.name, 'Changed');
    // The control: the same request with token and Origin succeeds.
    const ok = await bare(server, 'POST', '/api/v1/wins', {
      cookie: c.cookie, json: win, headers: { origin: server.origin, 'x-csrf-token': c.csrf },
    });
    assert.equal(ok.status, 201, ok.text);
  });

  test('a password change needs the current password, checks the new one, and signs out the other sessions', async () => {
    const email = 'passwd@example.org';
    const here = await signedIn(server, email);
    const elsewhere = new Client(server.base);
    assert.equal((await elsewhere.login(email)).status, 200);
    const NEW = 'a brand new passphrase 42';

    const wrong = await here.post('/api/v1/auth/password', { current_password: 'not my password!', new_password: NEW });
    assertError(wrong, 403, 'forbidden', 'current_password');
    const short = await here.post('/api/v1/auth/password', { current_password: PASSWORD, new_password: 'short1' });
    assertError(short, 422, 'invalid', 'new_password');
    const elevenChars = await here.post('/api/v1/auth/password', { current_password: PASSWORD, new_password: 'abcdefghijk' });
    assertError(elevenChars, 422, 'invalid', 'new_password');
    assert.equal((await elsewhere.get('/api/v1/me')).status, 200, 'failed changes end no session');

    const changed = await here.post('/api/v1/auth/password', { current_password: PASSWORD, new_password: NEW });
    assert.equal(changed.status, 204, changed.text);
    assertError(await elsewhere.get('/api/v1/me'), 401, 'unauthenticated');
    assert.equal((await here.get('/api/v1/me')).status, 200, 'the session that changed it stays signed in');
    assert.equal((await here.post('/api/v1/wins', { text: 'still here' })).status, 201, 'with the same CSRF token');

    const fresh = new Client(server.base);
    assertError(await fresh.login(email, PASSWORD), 401, 'unauthenticated');
    assert.equal((await fresh.login(email, NEW)).status, 200);
  });

  test('personal API tokens: created from a session, scoped, usable without CSRF, dead once revoked', async () => {
    const owner = await signedIn(server, 'tokens@example.org');
    const readTok = await owner.post('/api/v1/tokens', { name: 'dashboard', scope: 'read' });
    assert.equal(readTok.status, 201, readTok.text);
    assert.match(readTok.data.token, /^hw_/);
    assert.equal(readTok.data.scope, 'read');
    const rwTok = await owner.post('/api/v1/tokens', { name: 'script', scope: 'read-write' });
    assert.equal(rwTok.status, 201, rwTok.text);
    assert.equal(rwTok.data.scope, 'read-write');
    const listed = await owner.get('/api/v1/tokens');
    assert.equal(listed.status, 200);
    assert.deepEqual(listed.data.map((t) => t.name).sort(), ['dashboard', 'script']);
    assert.equal(JSON.stringify(listed.data).includes(readTok.data.token), false, 'secrets are shown once only');

    const reader = new Client(server.base, { origin: null });
    reader.token = readTok.data.token;
    assert.equal((await reader.get('/api/v1/wins')).status, 200);
    assertError(await reader.post('/api/v1/wins', { text: 'from a read token' }), 403, 'forbidden');

    const writer = new Client(server.base, { origin: null });
    writer.token = rwTok.data.token;
    const made = await writer.post('/api/v1/wins', { text: 'from a read-write token' });
    assert.equal(made.status, 201, 'no CSRF token and no Origin needed with a bearer token: ' + made.text);

    // Token management is for signed-in sessions only.
    assertError(await writer.get('/api/v1/tokens'), 403, 'forbidden');
    assertError(await writer.post('/api/v1/tokens', { name: 'escalate', scope: 'read-write' }), 403, 'forbidden');
    assertError(await writer.delete(`/api/v1/tokens/${readTok.data.id}`), 403, 'forbidden');
    assertError(await writer.post('/api/v1/auth/password', { current_password: PASSWORD, new_password: 'token changed this pw' }), 403, 'forbidden');
    assert.equal((await owner.get('/api/v1/tokens')).data.length, 2, 'the refused requests changed nothing');

    const wins = await owner.get('/api/v1/wins');
    assert.deepEqual(wins.data.map((w) => w.text), ['from a read-write token']);

    const revoked = await owner.delete(`/api/v1/tokens/${rwTok.data.id}`);
    assert.equal(revoked.status, 204, revoked.text);
    assertError(await writer.get('/api/v1/wins'), 401, 'unauthenticated');
    assert.equal((await reader.get('/api/v1/wins')).status, 200, 'revoking one token leaves the others');

    const bogus = new Client(server.base);
    bogus.token = 'hw_' + 'A'.repeat(43);
    assertError(await bogus.get('/api/v1/me'), 401, 'unauthenticated');
    const basic = await bare(server, 'GET', '/api/v1/me', { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    assertError(basic, 401, 'unauthenticated');
  });

  test('registration is invite-only by default; an admin invite registers one account, once', async () => {
    const admin = await signedIn(server, 'admin@example.org', { admin: true });
    const member = await signedIn(server, 'member@example.org');
    const anon = new Client(server.base);

    const noInvite = await anon.post('/api/v1/auth/register', { email: 'new@example.org', password: PASSWORD });
    assertError(noInvite, 422, 'invalid', 'invite');
    assertError(await anon.login('new@example.org'), 401, 'unauthenticated');

    for (const [method, path, json] of [
      ['POST', '/api/v1/admin/invites', {}],
      ['GET', '/api/v1/admin/accounts'],
      ['GET', '/api/v1/admin/registration'],
      ['PUT', '/api/v1/admin/registration', { mode: 'open' }],
    ]) {
      assertError(await member.request(method, path, { json }), 403, 'forbidden');
    }
    assert.equal((await admin.get('/api/v1/admin/registration')).data.mode, 'invite-only');

    const invite = await admin.post('/api/v1/admin/invites', {});
    assert.equal(invite.status, 201, invite.text);
    assert.equal(typeof invite.data.token, 'string');
    const reg = await anon.post('/api/v1/auth/register', { email: 'new@example.org', password: PASSWORD, invite: invite.data.token });
    assert.equal(reg.status, 201, reg.text);
    assert.equal(reg.data.email, 'new@example.org');
    assert.equal(reg.data.admin, false);
    const newcomer = new Client(server.base);
    assert.equal((await newcomer.login('new@example.org')).status, 200);

    const reuse = await anon.post('/api/v1/auth/register', { email: 'second@example.org', password: PASSWORD, invite: invite.data.token });
    assertError(reuse, 422, 'invalid', 'invite');
    assertError(await anon.login('second@example.org'), 401, 'unauthenticated');
    const made = await admin.get('/api/v1/admin/accounts');
    assert.equal(made.status, 200);
    assert.ok(made.data.some((a) => a.email === 'new@example.org'));
    assert.ok(!made.data.some((a) => a.email === 'second@example.org'));
  });

  test('DELETE /api/v1/me needs the password, then the account and its data are gone', async () => {
    const email = 'leaving@example.org';
    server.addUser('staying@example.org');
    const c = await signedIn(server, email);
    assert.equal((await c.post('/api/v1/wins', { text: 'something of mine' })).status, 201);
    const tok = await c.post('/api/v1/tokens', { name: 'mine', scope: 'read' });
    assert.equal(tok.status, 201);
    const cookie = c.cookie;

    assertError(await c.delete('/api/v1/me', {}), 422, 'invalid', 'password');
    assertError(await c.delete('/api/v1/me', { password: 'not my password!' }), 403, 'forbidden', 'password');
    assert.equal((await c.get('/api/v1/me')).status, 200, 'still there after the refused deletes');

    const gone = await c.delete('/api/v1/me', { password: PASSWORD });
    assert.equal(gone.status, 204, gone.text);
    assertError(await bare(server, 'GET', '/api/v1/me', { cookie }), 401, 'unauthenticated');
    const byToken = new Client(server.base);
    byToken.token = tok.data.token;
    assertError(await byToken.get('/api/v1/wins'), 401, 'unauthenticated');
    assertError(await new Client(server.base).login(email), 401, 'unauthenticated');

    const listed = cli(['user', 'list', '--format', 'json', ...server.store]);
    assert.equal(listed.code, 0, listed.stderr);
    const emails = JSON.parse(listed.stdout).map((a) => a.email);
    assert.ok(emails.includes('staying@example.org'), 'the CLI still lists the other accounts');
    assert.ok(!emails.includes(email), `${email} is still listed: ${listed.stdout}`);

    // The same email can start again, with none of the old data.
    const again = await signedIn(server, email);
    const wins = await again.get('/api/v1/wins');
    assert.equal(wins.status, 200);
    assert.deepEqual(wins.data, []);
  });
});

describe('sessions behind https (--public-url https://example.test)', () => {
  let server;
  const ORIGIN = 'https://example.test';
  before(async () => { server = await startServer({ args: ['--public-url', ORIGIN] }); });
  after(async () => { await server.stop(); server.cleanup(); });

  test('the cookie is __Host-headway_session with Secure, and only the public origin may change things', async () => {
    server.addUser('tls@example.org');
    const r = await bare(server, 'POST', LOGIN, { json: { email: 'tls@example.org', password: PASSWORD }, headers: { origin: ORIGIN } });
    assert.equal(r.status, 200, r.text);
    const c = parseSetCookie(r.headers.get('set-cookie'));
    assert.equal(c.name, '__Host-headway_session');
    assert.equal(c.attributes.secure, true);
    assert.equal(c.attributes.httponly, true);
    assert.equal(c.attributes.samesite, 'Lax');
    assert.equal(c.attributes.path, '/', '__Host- cookies need Path=/');
    assert.equal(c.attributes.domain, undefined, '__Host- cookies may not set Domain');

    const cookie = `${c.name}=${c.value}`;
    assert.equal((await bare(server, 'GET', '/api/v1/me', { cookie })).status, 200);
    const plainName = await bare(server, 'GET', '/api/v1/me', { cookie: `headway_session=${c.value}` });
    assertError(plainName, 401, 'unauthenticated');

    const csrf = r.data.csrf_token;
    const fromHttp = await bare(server, 'POST', '/api/v1/wins', {
      cookie, json: { text: 'x' }, headers: { origin: server.origin, 'x-csrf-token': csrf },
    });
    assertError(fromHttp, 403, 'forbidden');
    const fromPublic = await bare(server, 'POST', '/api/v1/wins', {
      cookie, json: { text: 'x' }, headers: { origin: ORIGIN, 'x-csrf-token': csrf },
    });
    assert.equal(fromPublic.status, 201, fromPublic.text);

    const foreignLogin = await bare(server, 'POST', LOGIN, {
      json: { email: 'tls@example.org', password: PASSWORD }, headers: { origin: 'https://evil.example' },
    });
    assertError(foreignLogin, 403, 'forbidden');
    assert.equal(foreignLogin.headers.get('set-cookie'), null, 'a foreign page cannot sign people in');
  });
});

describe('sign-in rate limits', () => {
  // --trust-proxy lets each test act from its own client address through X-Forwarded-For.
  let server;
  before(async () => { server = await startServer({ args: ['--trust-proxy'] }); });
  after(async () => { await server.stop(); server.cleanup(); });

  const from = (ip) => ({ headers: { 'x-forwarded-for': ip } });

  test('5 wrong passwords lock the account: the 6th attempt, even right, gets 429 with Retry-After', async () => {
    server.addUser('locked@example.org');
    server.addUser('neighbour@example.org');
    const c = new Client(server.base);
    for (let i = 1; i <= 5; i++) {
      const r = await c.post(LOGIN, { email: 'locked@example.org', password: `wrong password ${i}` }, from('198.51.100.1'));
      assertError(r, 401, 'unauthenticated');
    }
    const sixth = await c.post(LOGIN, { email: 'locked@example.org', password: PASSWORD }, from('198.51.100.1'));
    assertError(sixth, 429, 'rate_limited');
    const retry = Number(sixth.headers.get('retry-after'));
    assert.ok(Number.isInteger(retry) && retry > 0 && retry <= 900, `Retry-After: ${sixth.headers.get('retry-after')}`);
    assert.equal(sixth.headers.get('set-cookie'), null);
    const elsewhere = await c.post(LOGIN, { email: 'locked@example.org', password: PASSWORD }, from('198.51.100.2'));
    assertError(elsewhere, 429, 'rate_limited');
    const neighbour = await c.post(LOGIN, { email: 'neighbour@example.org', password: PASSWORD }, from('198.51.100.1'));
    assert.equal(neighbour.status, 200, 'other accounts from the same address still sign in: ' + neighbour.text);
  });

  test('30 failures from one address, over many emails, get 429 from that address only', async () => {
    server.addUser('ipuser@example.org');
    const c = new Client(server.base);
    for (let i = 0; i < 30; i++) {
      const r = await c.post(LOGIN, { email: `guess${i}@example.org`, password: 'a wrong password' }, from('203.0.113.9'));
      assertError(r, 401, 'unauthenticated');
    }
    const blocked = await c.post(LOGIN, { email: 'ipuser@example.org', password: PASSWORD }, from('203.0.113.9'));
    assertError(blocked, 429, 'rate_limited');
    assert.ok(Number(blocked.headers.get('retry-after')) > 0);
    const other = await c.post(LOGIN, { email: 'ipuser@example.org', password: PASSWORD }, from('203.0.113.10'));
    assert.equal(other.status, 200, other.text);
  });
});
