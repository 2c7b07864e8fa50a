// The server around the API: health, readiness, metrics, the access log, read timeouts,
// connection caps, graceful shutdown, and that the OpenAPI document matches what is served.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';

import {
  Client, PASSWORD, ROUTES, RawConnection, exited, fillPath, metric, openapiOperations, rawGet, signedIn, startServer, waitUntil,
} from './lib/server.mjs';

// Resolves with the connection error code (e.g. ECONNREFUSED), or 'connected'.
function tryConnect(port, options = {}) {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port, ...options }, () => { s.destroy(); resolve('connected'); });
    s.on('error', (e) => resolve(e.code));
  });
}

async function metricsText(server) {
  const r = await fetch(`${server.base}/metrics`);
  assert.equal(r.status, 200);
  return { type: r.headers.get('content-type'), text: await r.text() };
}

describe('health, readiness and metrics', () => {
  let server;
  before(async () => { server = await startServer(); });
  after(async () => { await server.stop(); server.cleanup(); });

  test('/healthz and /readyz answer 200 without credentials', async () => {
    const h = await fetch(`${server.base}/healthz`);
    assert.equal(h.status, 200);
    assert.deepEqual(await h.json(), { status: 'ok' });
    const r = await fetch(`${server.base}/readyz`);
    assert.equal(r.status, 200);
    const ready = await r.json();
    assert.equal(ready.status, 'ready');
    assert.equal(ready.store, 'sqlite');
    assert.ok(Number.isInteger(ready.schema_version) && ready.schema_version >= 1, JSON.stringify(ready));
  });

  test('responses carry the security headers', async () => {
    const r = await fetch(`${server.base}/healthz`);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(r.headers.get('x-frame-options'), 'DENY');
    assert.equal(r.headers.get('cache-control'), 'no-store');
    assert.equal(r.headers.get('referrer-policy'), 'no-referrer');
    assert.match(r.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.match(r.headers.get('content-type') ?? '', /^application\/json/);
    await r.arrayBuffer();
  });

  test('/metrics is Prometheus text with request counts by route and status, latency buckets and gauges', async () => {
    const c = await signedIn(server, 'metrics@example.org');
    const win = await c.post('/api/v1/wins', { text: 'counted' });
    assert.equal(win.status, 201);
    assert.equal((await c.get(`/api/v1/wins/${win.data.id}`)).status, 200);
    assert.equal((await new Client(server.base).get('/api/v1/me')).status, 401);
    assert.equal((await fetch(`${server.base}/api/v1/no/such/path`)).status, 404);

    const { type, text } = await metricsText(server);
    assert.match(type, /^text\/plain/);
    assert.match(text, /^# HELP headway_http_requests_total /m);
    assert.match(text, /^# TYPE headway_http_requests_total counter$/m);
    assert.match(text, /^# TYPE headway_http_request_duration_seconds histogram$/m);
    assert.match(text, /^# TYPE headway_http_open_connections gauge$/m);
    assert.match(text, /^# TYPE headway_store_errors_total counter$/m);
    for (const line of text.split('\n').filter((l) => l && !l.startsWith('#')))
      assert.match(line, /^[a-zA-Z_:][\w:]*(\{(\w+="(?:[^"\\]|\\.)*",?)*\})? [0-9.e+-]+$/, `not a Prometheus sample line: ${line}`);

    assert.ok(metric(text, 'headway_http_requests_total', { route: '/api/v1/auth/login', method: 'POST', status: '200' }) >= 1);
    assert.ok(metric(text, 'headway_http_requests_total', { route: '/api/v1/wins', method: 'POST', status: '201' }) >= 1);
    assert.ok(metric(text, 'headway_http_requests_total', { route: '/api/v1/wins/{id}', method: 'GET', status: '200' }) >= 1,
      'routes are labelled by pattern, not by the raw path');
    assert.ok(!text.includes(`/api/v1/wins/${win.data.id}"`), 'no raw ids as label values');
    assert.ok(metric(text, 'headway_http_requests_total', { route: '/api/v1/me', status: '401' }) >= 1);
    assert.ok(metric(text, 'headway_http_requests_total', { route: 'unmatched', status: '404' }) >= 1);
    assert.ok(!text.includes('/no/such/path'), 'unmatched paths do not become labels');
    const inf = metric(text, 'headway_http_request_duration_seconds_bucket', { route: '/api/v1/auth/login', le: '+Inf' });
    const count = metric(text, 'headway_http_request_duration_seconds_count', { route: '/api/v1/auth/login' });
    assert.ok(inf >= 1 && inf === count, `+Inf bucket ${inf}, count ${count}`);
    assert.ok(metric(text, 'headway_http_open_connections') >= 1, 'the /metrics request itself is open');
    assert.equal(metric(text, 'headway_store_errors_total'), 0);
  });

  test('the request counter grows with requests', async () => {
    const counted = metric((await metricsText(server)).text, 'headway_http_requests_total', { route: '/healthz', method: 'GET', status: '200' }) ?? 0;
    for (let i = 0; i < 5; i++) assert.equal((await fetch(`${server.base}/healthz`)).status, 200);
    const now = metric((await metricsText(server)).text, 'headway_http_requests_total', { route: '/healthz', method: 'GET', status: '200' });
    assert.equal(now, counted + 5);
  });
});

describe('the access log', () => {
  let server;
  before(async () => { server = await startServer(); });
  after(async () => { await server.stop(); server.cleanup(); });

  test('is one JSON object per request on stderr, and never holds a secret', async () => {
    const c = await signedIn(server, 'logged@example.org');
    const session = c.cookie.split('=')[1];
    const tok = await c.post('/api/v1/tokens', { name: 'logged', scope: 'read-write' });
    assert.equal(tok.status, 201);
    const bearer = new Client(server.base, { origin: null });
    bearer.token = tok.data.token;
    assert.equal((await bearer.get('/api/v1/wins?from=2026-01-01&secret=querytext')).status, 200);
    assert.equal((await bearer.post('/api/v1/wins', { text: 'logged win' })).status, 201);
    assert.equal((await new Client(server.base).login('logged@example.org', 'a wrong password 123')).status, 401);
    const pw = await c.post('/api/v1/auth/password', { current_password: PASSWORD, new_password: 'the second password' });
    assert.equal(pw.status, 204);
    assert.equal((await fetch(`${server.base}/healthz`)).status, 200);

    const secrets = { password: PASSWORD, 'new password': 'the second password', 'wrong password': 'a wrong password 123',
      cookie: session, 'CSRF token': c.csrf, 'bearer token': tok.data.token, 'query string': 'querytext' };
    await waitUntil(() => server.stderr.includes('"route":"/healthz"'), { what: 'the last access log line' });
    const lines = server.stderr.split('\n').filter(Boolean);
    const entries = lines.map((l) => {
      try { return JSON.parse(l); } catch { assert.fail(`not a JSON line: ${l}`); }
    });
    const requests = entries.filter((e) => e.route !== undefined && e.status !== undefined && e.level !== 'error');
    for (const e of requests) {
      assert.equal(typeof e.method, 'string');
      assert.equal(typeof e.route, 'string');
      assert.ok(Number.isInteger(e.status));
      assert.equal(typeof e.ms, 'number');
      assert.ok(e.ms >= 0);
    }
    const seen = requests.map((e) => `${e.method} ${e.route} ${e.status}`);
    const expected = ['POST /api/v1/auth/login 200', 'POST /api/v1/tokens 201', 'GET /api/v1/wins 200', 'POST /api/v1/wins 201',
      'POST /api/v1/auth/login 401', 'POST /api/v1/auth/password 204', 'GET /healthz 200'];
    assert.deepEqual(seen.slice(-expected.length), expected, 'one line per request, in order');
    for (const [what, secret] of Object.entries(secrets))
      assert.ok(!server.stderr.includes(secret), `the log holds the ${what}`);
  });
});

describe('read timeouts (--read-timeout 2)', () => {
  let server;
  before(async () => { server = await startServer({ args: ['--read-timeout', '2'] }); });
  after(async () => { await server.stop(); server.cleanup(); });

  test('slowloris, silent and idle kept-alive connections are closed after the timeout', async () => {
    // A header that trickles in one byte every 500 ms, never finishing.
    const slow = await RawConnection.open(server.port);
    await slow.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: `);
    const drip = setInterval(() => { if (!slow.closed) slow.sock.write('a', () => {}); }, 500);
    // A connection that never says anything.
    const silent = await RawConnection.open(server.port);
    // A kept-alive connection that goes quiet after one request.
    const idle = await RawConnection.open(server.port);
    const first = await idle.request(rawGet('/healthz'));
    assert.equal(first.status, 200);
    const idleFrom = Date.now();
    try {
      // Meanwhile the server answers others at once.
      const t0 = Date.now();
      assert.equal((await fetch(`${server.base}/healthz`)).status, 200);
      assert.ok(Date.now() - t0 < 1000, 'the server kept answering while connections dawdled');

      const [slowMs, silentMs] = await Promise.all([slow.closedAfter({ timeoutMs: 6000 }), silent.closedAfter({ timeoutMs: 6000 })]);
      await idle.closedAfter({ timeoutMs: 6000 });
      const idleMs = idle.closedAt - idleFrom;
      for (const [what, ms] of [['slowloris', slowMs], ['silent', silentMs], ['idle', idleMs]]) {
        assert.ok(ms >= 1500, `${what} connection closed too early, after ${ms} ms`);
        assert.ok(ms <= 4000, `${what} connection still open after ${ms} ms`);
      }
      assert.equal(slow.buf.length, 0, 'no response to a request that never finished');
      assert.equal(silent.buf.length, 0);
    } finally {
      clearInterval(drip);
      for (const c of [slow, silent, idle]) c.destroy();
    }
  });
});

describe('connection caps', () => {
  test('--max-connections-per-ip 3: a 4th connection is closed at once, the first 3 keep working', async () => {
    const server = await startServer({ args: ['--max-connections-per-ip', '3'] });
    const conns = [];
    try {
      const first = await RawConnection.open(server.port);
      conns.push(first);
      // Wait until the start-up probe's connection is gone, so ours are the only ones counted.
      await waitUntil(async () => {
        const r = await first.request(rawGet('/metrics'));
        return metric(r.text, 'headway_http_open_connections') === 1;
      }, { what: 'only our connection to be open' });
      for (let i = 0; i < 2; i++) {
        const c = await RawConnection.open(server.port);
        assert.equal((await c.request(rawGet('/healthz'))).status, 200);
        conns.push(c);
      }
      const fourth = await RawConnection.open(server.port);
      const ms = await fourth.closedAfter({ timeoutMs: 2000 });
      assert.ok(ms < 1000, `closed after ${ms} ms`);
      assert.equal(fourth.buf.length, 0, 'closed without an answer');
      for (const c of conns) {
        const r = await c.request(rawGet('/healthz'));
        assert.equal(r?.status, 200, 'the first three still work');
      }
      // Another address is counted on its own (Linux routes all of 127/8 to loopback).
      const fromOther = await new Promise((resolve, reject) => {
        const s = net.connect({ host: '127.0.0.1', port: server.port, localAddress: '127.0.0.2' }, () => resolve(new RawConnection(s)));
        s.once('error', reject);
      });
      assert.equal((await fromOther.request(rawGet('/healthz')))?.status, 200, 'a different client address is not capped');
      fromOther.destroy();
      const refused = metric((await conns[0].request(rawGet('/metrics'))).text, 'headway_http_refused_connections_total');
      assert.ok(refused >= 1, `refused connections counted: ${refused}`);
      // Once one closes, a new connection is accepted again.
      conns.pop().destroy();
      await waitUntil(async () => {
        const c = await RawConnection.open(server.port);
        const r = await c.request(rawGet('/healthz'), { timeoutMs: 2000 }).catch(() => null);
        if (r?.status === 200) { conns.push(c); return true; }
        c.destroy();
        return false;
      }, { what: 'a freed connection slot' });
    } finally {
      for (const c of conns) c.destroy();
      await server.stop();
      server.cleanup();
    }
  });

  test('--max-connections caps the total over all addresses', async () => {
    const server = await startServer({ args: ['--max-connections', '2'] });
    const conns = [];
    const open = (localAddress) => new Promise((resolve, reject) => {
      const s = net.connect({ host: '127.0.0.1', port: server.port, localAddress }, () => resolve(new RawConnection(s)));
      s.once('error', reject);
    });
    try {
      const first = await open('127.0.0.1');
      conns.push(first);
      await waitUntil(async () => {
        const r = await first.request(rawGet('/metrics'));
        return metric(r.text, 'headway_http_open_connections') === 1;
      }, { what: 'only our connection to be open' });
      const second = await open('127.0.0.2');
      conns.push(second);
      assert.equal((await second.request(rawGet('/healthz')))?.status, 200);
      const third = await open('127.0.0.3');
      conns.push(third);
      const ms = await third.closedAfter({ timeoutMs: 2000 });
      assert.ok(ms < 1000);
      assert.equal(third.buf.length, 0);
      assert.equal((await first.request(rawGet('/healthz')))?.status, 200);
    } finally {
      for (const c of conns) c.destroy();
      await server.stop();
      server.cleanup();
    }
  });
});

describe('graceful shutdown', () => {
  const loginRequest = (port, email) => {
    const body = JSON.stringify({ email, password: PASSWORD });
    return `POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  };

  // A connection that is accepted and in the server's read loop (one request answered).
  async function warmConnection(server) {
    const c = await RawConnection.open(server.port);
    assert.equal((await c.request(rawGet('/healthz')))?.status, 200);
    return c;
  }

  test('SIGTERM while logins are being hashed: each gets its 200, idle connections close, exit 0, new connections refused', async () => {
    const server = await startServer();
    const conns = [];
    try {
      server.addUser('shutdown@example.org');
      const idle = await warmConnection(server);
      conns.push(idle);
      // Four logins at once: the server hashes two at a time, so when the first answer
      // arrives the others were read long before and are still being worked on.
      const busy = [];
      for (let i = 0; i < 4; i++) busy.push(await warmConnection(server));
      conns.push(...busy);
      await Promise.all(busy.map((c) => c.write(loginRequest(server.port, 'shutdown@example.org'))));
      const answers = busy.map((c) => c.response({ timeoutMs: 10000 }));
      await Promise.race(answers);
      server.child.kill('SIGTERM');

      for (const r of await Promise.all(answers)) {
        assert.ok(r, 'a login in flight was cut off without an answer');
        assert.equal(r.status, 200, r.text);
        assert.match(r.headers['set-cookie'] ?? '', /^headway_session=/);
        assert.equal(typeof r.data.csrf_token, 'string');
      }
      await idle.closedAfter({ timeoutMs: 10000 });
      assert.equal(idle.buf.length, 0, 'the idle connection was closed without a response');
      for (const c of busy) await c.closedAfter({ timeoutMs: 10000 });

      const { code, signal } = await exited(server);
      assert.equal(signal, null);
      assert.equal(code, 0, server.stderr);
      assert.match(server.stdout, /headway serve: stopped/);
      assert.equal(await tryConnect(server.port), 'ECONNREFUSED');
    } finally {
      for (const c of conns) c.destroy();
      await server.stop();
      server.cleanup();
    }
  });

  test('SIGTERM while a request is still arriving: it is completed, not dropped', {
  }, async () => {
    const server = await startServer();
    let conn;
    try {
      server.addUser('arriving@example.org');
      conn = await warmConnection(server);
      const request = loginRequest(server.port, 'arriving@example.org');
      await conn.write(request.slice(0, -1));
      server.child.kill('SIGTERM');
      // The server has begun shutting down once it refuses new connections.
      await waitUntil(async () => (await tryConnect(server.port)) === 'ECONNREFUSED', { what: 'the listener to close' });
      await conn.write(request.slice(-1)).catch(() => {});
      const r = await conn.response({ timeoutMs: 10000 });
      assert.ok(r, 'the request that was arriving was dropped without an answer');
      assert.equal(r.status, 200, r.text);
      const { code } = await exited(server);
      assert.equal(code, 0);
    } finally {
      conn?.destroy();
      await server.stop();
      server.cleanup();
    }
  });
});

describe('the OpenAPI document', () => {
  let server, doc;
  before(async () => {
    server = await startServer();
    const r = await fetch(`${server.base}/api/v1/openapi.json`);
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type') ?? '', /^application\/json/);
    doc = await r.json();
  });
  after(async () => { await server.stop(); server.cleanup(); });

  const params = { id: '1', date: '2026-01-05', driver: 'health' };
  // An unmatched path gets 404 "no such resource"; an unmatched method on a known path 405.
  function assertServed(method, path, r) {
    assert.ok(!(r.status === 404 && r.data?.error?.message === 'no such resource'), `${method} ${path} is not served`);
    assert.notEqual(r.status, 405, `${method} ${path}: the path exists but not this method`);
    assert.ok(r.status === 401 || (r.status >= 200 && r.status < 500), `${method} ${path}: ${r.status} ${r.text}`);
  }

  test('is an OpenAPI 3 document with paths', () => {
    assert.match(doc.openapi, /^3\./);
    assert.ok(doc.info?.title);
    assert.ok(openapiOperations(doc).length > 0, 'the document lists no operations');
  });

  test('every documented operation is served', async () => {
    const anon = new Client(server.base, { origin: server.origin });
    for (const [method, pattern] of openapiOperations(doc)) {
      const path = fillPath(pattern, params);
      const r = await anon.request(method, path, { json: method === 'GET' || method === 'DELETE' ? undefined : {} });
      assertServed(method, path, r);
    }
  });

  test('every served route is documented', () => {
    const documented = new Set(openapiOperations(doc).map(([m, p]) => `${m} ${p}`));
    const missing = ROUTES.map(([m, p]) => `${m} ${p}`).filter((k) => !documented.has(k));
    assert.deepEqual(missing, [], 'routes missing from the OpenAPI document');
  });

  test("this suite's route table matches the server", async () => {
    const anon = new Client(server.base, { origin: server.origin });
    for (const [method, pattern] of ROUTES) {
      const path = fillPath(pattern, params);
      assertServed(method, path, await anon.request(method, path, { json: method === 'GET' || method === 'DELETE' ? undefined : {} }));
    }
  });
});
