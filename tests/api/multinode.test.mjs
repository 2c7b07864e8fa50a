// Several `headway serve` nodes on one PostgreSQL database (HEADWAY_TEST_POSTGRES_URL): sessions,
// writes and sign-in rate limits are shared through the database, nodes started together migrate
// once, and the nodes work behind Debian's nginx as a round-robin load balancer.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { BINARY, Client, PASSWORD, freePort, startServer, waitForPort } from './lib/server.mjs';
import { createDatabase, postgresSkip, requirePostgres } from './lib/postgres.mjs';
import { nginxUnavailable, startNginx } from './lib/nginx.mjs';

const LOGIN_ACCOUNT_LIMIT = 5;  // service/accounts.hpp: kLoginAccountLimit
const LOGIN_IP_LIMIT = 30;      // kLoginIpLimit
const LOGIN_WINDOW_SECONDS = 15 * 60;

// A login from the given client address (the nodes trust X-Forwarded-For).
function loginFrom(node, email, password, ip) {
  return new Client(node.base).post('/api/v1/auth/login', { email, password }, { headers: { 'x-forwarded-for': ip } });
}

function assertRateLimited(r, what) {
  assert.equal(r.status, 429, `${what}: ${r.status} ${r.text}`);
  assert.equal(r.data?.error?.code, 'rate_limited', r.text);
  const wait = Number(r.headers.get('retry-after'));
  assert.ok(Number.isInteger(wait) && wait >= 1 && wait <= LOGIN_WINDOW_SECONDS,
    `${what}: Retry-After is ${r.headers.get('retry-after')}`);
}

// The requests a node counted for these routes, from its /metrics.
async function servedRequests(node, routes) {
  const text = await (await fetch(node.base + '/metrics')).text();
  let n = 0;
  for (const m of text.matchAll(/^headway_http_requests_total\{route="([^"]*)",method="[^"]*",status="\d+"\} (\d+)$/gm))
    if (routes.includes(m[1])) n += Number(m[2]);
  return n;
}

describe('multinode: headway serve nodes sharing one PostgreSQL database', { skip: postgresSkip }, () => {
  let db = null;
  const nodes = [];  // startServer results
  let a, b;

  before(async () => {
    requirePostgres();
    db = createDatabase('headway_multi');
    a = await startServer({ database: db.url, args: ['--trust-proxy'] });
    nodes.push(a);
    b = await startServer({ database: db.url, args: ['--trust-proxy'] });
    nodes.push(b);
  });

  after(async () => {
    for (const n of nodes) await n.stop('SIGKILL');
    for (const n of nodes) rmSync(n.dir, { recursive: true, force: true });
    db?.drop();
  });

  it('a session made on one node works on the other, and logout on one ends it on both', async () => {
    a.addUser('shared@example.org');
    const onA = new Client(a.base);
    assert.equal((await onA.login('shared@example.org')).status, 200);
    const onB = new Client(b.base);
    onB.cookie = onA.cookie;
    onB.csrf = onA.csrf;

    const session = await onB.get('/api/v1/auth/session');
    assert.equal(session.status, 200, session.text);
    assert.equal(session.data.account.email, 'shared@example.org');
    assert.equal(session.data.csrf_token, onA.csrf, 'node B knows the CSRF token node A issued');
    assert.equal((await onB.get('/api/v1/me')).status, 200);

    // Writes on one node are read on the other at once.
    const win = await onA.post('/api/v1/wins', { text: 'written on A', size: 'small' });
    assert.equal(win.status, 201, win.text);
    const seen = await onB.get(`/api/v1/wins/${win.data.id}`);
    assert.equal(seen.status, 200, seen.text);
    assert.deepEqual(seen.data, win.data);
    const yesterday = new Date(Date.now() - 86400000).toISOString().slice(0, 10);
    const put = await onB.put(`/api/v1/checkins/${yesterday}`, { start: '09:00', end: '17:00', stress: 2, energy: 4, note: 'on B' });
    assert.ok(put.status === 200 || put.status === 201, put.text);
    const read = await onA.get(`/api/v1/checkins/${yesterday}`);
    assert.equal(read.status, 200, read.text);
    assert.equal(read.data.note, 'on B');

    const cookie = onB.cookie;
    const out = await onB.post('/api/v1/auth/logout');
    assert.equal(out.status, 204, out.text);
    for (const [name, node] of [['A', a], ['B', b]]) {
      const old = new Client(node.base);
      old.cookie = cookie;
      const r = await old.get('/api/v1/me');
      assert.equal(r.status, 401, `the logged-out session still works on node ${name}: ${r.text}`);
    }
  });

  it('failed sign-ins for one account count across both nodes', async () => {
    a.addUser('target@example.org');
    // A different client address each time: the account's own limit is what trips.
    for (let i = 0; i < LOGIN_ACCOUNT_LIMIT; i++) {
      const r = await loginFrom(i % 2 ? b : a, 'target@example.org', `wrong ${i}`, `203.0.113.${i + 1}`);
      assert.equal(r.status, 401, `failed attempt ${i + 1} on node ${i % 2 ? 'B' : 'A'}: ${r.text}`);
    }
    assertRateLimited(await loginFrom(a, 'target@example.org', 'wrong again', '203.0.113.50'), 'the 6th attempt on A');
    assertRateLimited(await loginFrom(b, 'target@example.org', 'wrong again', '203.0.113.51'), 'the 6th attempt on B');
    assertRateLimited(await loginFrom(b, 'target@example.org', PASSWORD, '203.0.113.52'), 'the right password, locked out');

    // Another account from the same addresses is not affected.
    a.addUser('bystander@example.org');
    assert.equal((await loginFrom(b, 'bystander@example.org', PASSWORD, '203.0.113.1')).status, 200);
  });

  it('failed sign-ins from one client address count across both nodes', async () => {
    a.addUser('from-busy-ip@example.org');
    const ip = '198.51.100.30';
    // Unknown accounts, so only the address's limit can trip.
    for (let i = 0; i < LOGIN_IP_LIMIT; i++) {
      const r = await loginFrom(i % 2 ? b : a, `nobody${i}@example.org`, 'guess', ip);
      assert.equal(r.status, 401, `failed attempt ${i + 1} from ${ip}: ${r.text}`);
    }
    assertRateLimited(await loginFrom(a, 'from-busy-ip@example.org', PASSWORD, ip), `sign-in from ${ip} on A`);
    assertRateLimited(await loginFrom(b, 'from-busy-ip@example.org', PASSWORD, ip), `sign-in from ${ip} on B`);
    assert.equal((await loginFrom(b, 'from-busy-ip@example.org', PASSWORD, '198.51.100.31')).status, 200,
      'the same account from another address');
  });

  it('parallel wrong passwords across both nodes get no more than the limit of guesses', async () => {
    a.addUser('parallel@example.org');
    const attempts = 16;
    const results = await Promise.all(Array.from({ length: attempts }, (_, i) =>
      loginFrom(i % 2 ? b : a, 'parallel@example.org', `guess ${i}`, `203.0.113.${100 + i}`)));
    const statuses = results.map((r) => r.status);
    assert.deepEqual(statuses.filter((s) => s !== 401 && s !== 429), [], `only 401 or 429: ${statuses.join(' ')}`);
    const checked = statuses.filter((s) => s === 401).length;
    assert.ok(checked <= LOGIN_ACCOUNT_LIMIT,
      `${checked} of ${attempts} parallel guesses had their password checked (401), but only ` +
      `${LOGIN_ACCOUNT_LIMIT} may be per ${LOGIN_WINDOW_SECONDS / 60} minutes: ${statuses.join(' ')}`);
    assertRateLimited(await loginFrom(a, 'parallel@example.org', PASSWORD, '203.0.113.99'), 'after the parallel guesses');
  });

  describe('behind nginx as a round-robin load balancer', { skip: postgresSkip || nginxUnavailable() || false }, () => {
    let lb = null;
    before(async () => { lb = await startNginx([a.port, b.port]); });
    after(async () => { await lb?.stop(); });

    it('a session works on whichever node serves the request, and logout ends it on both', async () => {
      a.addUser('balanced@example.org');
      const c = new Client(lb.base);  // Origin http://127.0.0.1:<nginx port>, the Host nginx forwards
      const login = await c.login('balanced@example.org');
      assert.equal(login.status, 200, login.text);

      const routes = ['/api/v1/me', '/api/v1/wins'];
      const before = [await servedRequests(a, routes), await servedRequests(b, routes)];
      const spoofed = '192.0.2.77';
      // GET GET POST POST ...: with round robin each node gets both kinds.
      for (let i = 0; i < 20; i++) {
        const read = Math.floor(i / 2) % 2 === 0;
        const r = read
          ? await c.get('/api/v1/me', { headers: { 'x-forwarded-for': spoofed } })
          : await c.post('/api/v1/wins', { text: `through nginx ${i}`, size: 'small' });
        assert.equal(r.status, read ? 200 : 201, `request ${i + 1} through nginx: ${r.text}\n${lb.errorLog()}`);
      }
      const served = [(await servedRequests(a, routes)) - before[0], (await servedRequests(b, routes)) - before[1]];
      assert.equal(served[0] + served[1], 20, `the nodes counted ${served.join(' + ')} requests`);
      assert.ok(served[0] > 0 && served[1] > 0, `both nodes served requests: A ${served[0]}, B ${served[1]}`);
      const wins = await c.get('/api/v1/wins');
      assert.equal(wins.status, 200);
      assert.equal(wins.data.filter((w) => w.text.startsWith('through nginx')).length, 10);

      // The client address is the one nginx saw, not whatever the client claimed.
      const logs = a.stderr + b.stderr;
      assert.ok(!logs.includes(spoofed), 'a client-supplied X-Forwarded-For is not taken as the client address');
      assert.match(logs, /"route":"\/api\/v1\/me","status":200,[^\n]*"ip":"127\.0\.0\.1"/);

      const cookie = c.cookie;
      const out = await c.post('/api/v1/auth/logout');
      assert.equal(out.status, 204, out.text);
      for (const [name, base] of [['A', a.base], ['B', b.base], ['nginx', lb.base], ['nginx', lb.base]]) {
        const old = new Client(base);
        old.cookie = cookie;
        const r = await old.get('/api/v1/me');
        assert.equal(r.status, 401, `the logged-out session still works through ${name}: ${r.text}`);
      }
    });
  });
});

describe('multinode: nodes started at the same time on a fresh database', { skip: postgresSkip }, () => {
  const children = [];
  let db = null;

  after(async () => {
    for (const c of children) {
      if (c.exitCode === null && c.signalCode === null) {
        const done = new Promise((r) => c.once('exit', r));
        c.kill('SIGKILL');
        await done;
      }
    }
    db?.drop();
  });

  it('all come up: the schema is migrated once, not by each', async () => {
    requirePostgres();
    db = createDatabase('headway_race');
    const ports = [await freePort(), await freePort(), await freePort()];
    const started = ports.map((port) => {
      const child = spawn(BINARY, ['serve', '--database', db.url, '--listen', `127.0.0.1:${port}`, '--access-log', 'off'],
        { stdio: ['ignore', 'ignore', 'pipe'] });
      children.push(child);
      let stderr = '';
      child.on('error', (e) => { stderr += `cannot run ${BINARY}: ${e.message}`; });
      child.stderr.on('data', (d) => { stderr += d; });
      return { port, child, stderr: () => stderr };
    });
    const results = await Promise.allSettled(started.map((s) => waitForPort(s.port, { child: s.child })));
    const failed = results.map((r, i) => (r.status === 'rejected' ? `node ${i + 1}: ${r.reason.message}: ${started[i].stderr()}` : null))
      .filter(Boolean);
    assert.deepEqual(failed, [], 'every node started');
    for (const s of started) {
      const r = await fetch(`http://127.0.0.1:${s.port}/readyz`);
      assert.equal(r.status, 200);
    }
  });
});
