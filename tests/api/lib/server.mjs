// Starts real `headway serve` processes on loopback ports for the API tests, and talks to them.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const BINARY = process.env.HEADWAY_BINARY ?? path.resolve('build/release/headway');
export const PASSWORD = 'correct horse battery staple';

// A free TCP port on 127.0.0.1 (the kernel picks it; we release it just before use).
export async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

// Resolves once something accepts TCP connections on the port (no sleeps).
export async function waitForPort(port, { timeoutMs = 15000, child } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`headway serve exited with ${child.exitCode}`);
    const ok = await new Promise((resolve) => {
      const sock = net.connect({ host: '127.0.0.1', port }, () => { sock.destroy(); resolve(true); });
      sock.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on port ${port}`);
    await new Promise((r) => setImmediate(r));
  }
}

// Runs a headway CLI command synchronously; `input` goes to stdin.
export function cli(args, { env = {}, input } = {}) {
  const r = spawnSync(BINARY, args, { env: { ...process.env, ...env }, input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// A fresh data directory (SQLite) or database URL, and `headway serve` on a free port.
// options: { database: 'postgresql://...', args: [...], env: {...} }
export async function startServer(options = {}) {
  const dir = options.dir ?? mkdtempSync(path.join(os.tmpdir(), 'headway-api-'));
  const port = options.port ?? (await freePort());
  const store = options.database ? ['--database', options.database] : ['--data-dir', dir];
  const args = ['serve', ...store, '--listen', `127.0.0.1:${port}`, ...(options.args ?? [])];
  const child = spawn(BINARY, args, { env: { ...process.env, ...(options.env ?? {}) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '', stderr = '';
  child.stdout.on('data', (d) => { stdout += d; });
  child.stderr.on('data', (d) => { stderr += d; });
  await waitForPort(port, { child });
  const server = {
    dir, port, child, store,
    base: `http://127.0.0.1:${port}`,
    origin: `http://127.0.0.1:${port}`,
    get stdout() { return stdout; },
    get stderr() { return stderr; },
    // Creates an account through the CLI against the same store.
    addUser(email, { admin = false, password = PASSWORD } = {}) {
      const r = cli(['user', 'add', '--email', email, ...(admin ? ['--admin'] : []), ...store], { input: password + '\n' });
      if (r.code !== 0) throw new Error(`user add failed: ${r.stderr}`);
      return r;
    },
    // Stops with SIGTERM (or the given signal) and waits for the exit.
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) {
        const done = new Promise((r) => child.once('exit', r));
        child.kill(signal);
        await done;
      }
      return { code: child.exitCode, signal: child.signalCode };
    },
    cleanup() { if (!options.dir && !options.database) rmSync(dir, { recursive: true, force: true }); },
  };
  return server;
}

// A browser-like client: keeps the session cookie, sends Origin and the CSRF token.
export class Client {
  constructor(base, { origin = base } = {}) {
    this.base = base;
    this.origin = origin;
    this.cookie = null;
    this.csrf = null;
    this.token = null;  // a personal API token, used instead of the cookie when set
  }

  async request(method, url, { json, body, headers = {}, csrf = true, origin = true } = {}) {
    const h = { ...headers };
    if (json !== undefined) { h['content-type'] ??= 'application/json'; body = JSON.stringify(json); }
    if (this.token) h.authorization = `Bearer ${this.token}`;
    else if (this.cookie) h.cookie = this.cookie;
    if (origin && this.origin && !['GET', 'HEAD'].includes(method)) h.origin ??= this.origin;
    if (csrf && this.csrf && !['GET', 'HEAD'].includes(method)) h['x-csrf-token'] ??= this.csrf;
    const res = await fetch(this.base + url, { method, headers: h, body, redirect: 'manual' });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const [pair] = setCookie.split(';');
      this.cookie = pair.endsWith('=') ? null : pair;
    }
    const text = await res.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch { data = text; }
    return { status: res.status, headers: res.headers, data, text };
  }

  get(url, o) { return this.request('GET', url, o); }
  post(url, json, o = {}) { return this.request('POST', url, { ...o, json }); }
  put(url, json, o = {}) { return this.request('PUT', url, { ...o, json }); }
  patch(url, json, o = {}) { return this.request('PATCH', url, { ...o, json }); }
  delete(url, json, o = {}) { return this.request('DELETE', url, { ...o, json }); }

  async login(email, password = PASSWORD) {
    const r = await this.post('/api/v1/auth/login', { email, password });
    if (r.status === 200) this.csrf = r.data.csrf_token;
    return r;
  }
}

// A signed-in client for a new account on the server.
export async function signedIn(server, email, options = {}) {
  server.addUser(email, options);
  const c = new Client(server.base);
  const r = await c.login(email, options.password);
  if (r.status !== 200) throw new Error(`login failed: ${r.status} ${r.text}`);
  return c;
}

// ---- Helpers for the auth, input, authorization and server suites (appended; the exports above are unchanged) ----

// Every route `headway serve` has, as [method, pattern, access]; access is open, member, session or admin.
// Kept in step with src/http/api_*.cpp; server.test.mjs checks that each one is really served.
export const ROUTES = [
  ['GET', '/healthz', 'open'],
  ['GET', '/readyz', 'open'],
  ['GET', '/metrics', 'open'],
  ['GET', '/api/v1/openapi.json', 'open'],
  ['POST', '/api/v1/auth/login', 'open'],
  ['POST', '/api/v1/auth/register', 'open'],
  ['POST', '/api/v1/auth/logout', 'member'],
  ['GET', '/api/v1/auth/session', 'member'],
  ['POST', '/api/v1/auth/password', 'member'],
  ['GET', '/api/v1/me', 'member'],
  ['PATCH', '/api/v1/me', 'member'],
  ['DELETE', '/api/v1/me', 'member'],
  ['GET', '/api/v1/tokens', 'session'],
  ['POST', '/api/v1/tokens', 'session'],
  ['DELETE', '/api/v1/tokens/{id}', 'session'],
  ['GET', '/api/v1/admin/accounts', 'admin'],
  ['POST', '/api/v1/admin/invites', 'admin'],
  ['GET', '/api/v1/admin/registration', 'admin'],
  ['PUT', '/api/v1/admin/registration', 'admin'],
  ['GET', '/api/v1/values/catalogue', 'member'],
  ['GET', '/api/v1/values', 'member'],
  ['POST', '/api/v1/values', 'member'],
  ['PATCH', '/api/v1/values/{id}', 'member'],
  ['DELETE', '/api/v1/values/{id}', 'member'],
  ['GET', '/api/v1/motivations', 'member'],
  ['PUT', '/api/v1/motivations/{driver}', 'member'],
  ['POST', '/api/v1/catalysts', 'member'],
  ['GET', '/api/v1/goals', 'member'],
  ['POST', '/api/v1/goals', 'member'],
  ['GET', '/api/v1/goals/{id}', 'member'],
  ['DELETE', '/api/v1/goals/{id}', 'member'],
  ['POST', '/api/v1/goals/{id}/stage', 'member'],
  ['POST', '/api/v1/goals/{id}/done', 'member'],
  ['POST', '/api/v1/goals/{id}/slip', 'member'],
  ['GET', '/api/v1/boundaries/check', 'member'],
  ['GET', '/api/v1/boundaries', 'member'],
  ['POST', '/api/v1/boundaries', 'member'],
  ['DELETE', '/api/v1/boundaries/{id}', 'member'],
  ['GET', '/api/v1/instruments', 'member'],
  ['GET', '/api/v1/instruments/{id}', 'member'],
  ['GET', '/api/v1/assessments', 'member'],
  ['POST', '/api/v1/assessments', 'member'],
  ['GET', '/api/v1/strategies/suggestions', 'member'],
  ['GET', '/api/v1/strategies', 'member'],
  ['GET', '/api/v1/checkins', 'member'],
  ['GET', '/api/v1/checkins/{date}', 'member'],
  ['PUT', '/api/v1/checkins/{date}', 'member'],
  ['GET', '/api/v1/wins', 'member'],
  ['POST', '/api/v1/wins', 'member'],
  ['GET', '/api/v1/wins/{id}', 'member'],
  ['DELETE', '/api/v1/wins/{id}', 'member'],
  ['GET', '/api/v1/wins/{id}/kudos', 'member'],
  ['GET', '/api/v1/reflections', 'member'],
  ['POST', '/api/v1/reflections', 'member'],
  ['GET', '/api/v1/reports/week', 'member'],
  ['GET', '/api/v1/export', 'member'],
  ['POST', '/api/v1/imports/calendar', 'member'],
  ['POST', '/api/v1/imports/activitywatch', 'member'],
  ['POST', '/api/v1/imports/timewarrior', 'member'],
  ['GET', '/api/v1/imports', 'member'],
  ['DELETE', '/api/v1/imports/{kind}/{name}', 'member'],
  ['GET', '/api/v1/signals', 'member'],
  ['GET', '/feed/{token}.ics', 'open'],
  ['GET', '/api/v1/calendar-feed', 'member'],
  ['POST', '/api/v1/calendar-feed', 'member'],
  ['PATCH', '/api/v1/calendar-feed', 'member'],
  ['DELETE', '/api/v1/calendar-feed', 'member'],
  ['GET', '/api/v1/circles', 'member'],
  ['POST', '/api/v1/circles', 'member'],
  ['POST', '/api/v1/circles/join', 'member'],
  ['GET', '/api/v1/circles/{id}', 'member'],
  ['POST', '/api/v1/circles/{id}/invites', 'member'],
  ['DELETE', '/api/v1/circles/{id}/membership', 'member'],
  ['GET', '/api/v1/circles/{id}/feed', 'member'],
  ['POST', '/api/v1/circles/{id}/shares', 'member'],
  ['DELETE', '/api/v1/circles/{id}/shares/{win}', 'member'],
  ['POST', '/api/v1/circles/{id}/wins/{win}/kudos', 'member'],
  ['GET', '/api/v1/circles/{id}/pledges', 'member'],
  ['POST', '/api/v1/circles/{id}/pledges', 'member'],
  ['GET', '/api/v1/pledges/{id}', 'member'],
  ['POST', '/api/v1/pledges/{id}/sign', 'member'],
  ['DELETE', '/api/v1/pledges/{id}/sign', 'member'],
  ['GET', '/api/v1/notifications', 'member'],
  ['POST', '/api/v1/notifications/read', 'member'],
  ['GET', '/api/v1/grants', 'member'],
  ['POST', '/api/v1/grants', 'member'],
  ['DELETE', '/api/v1/grants/{id}', 'member'],
  ['GET', '/api/v1/grants/access-log', 'member'],
  ['POST', '/api/v1/grants/accept', 'member'],
  ['GET', '/api/v1/shared', 'member'],
  ['GET', '/api/v1/shared/{grant}', 'member'],
  ['GET', '/api/v1/shared/{grant}/goals', 'member'],
  ['GET', '/api/v1/shared/{grant}/wins', 'member'],
  ['GET', '/api/v1/shared/{grant}/checkin-summary', 'member'],
  ['GET', '/api/v1/shared/{grant}/assessments', 'member'],
  ['GET', '/api/v1/shared/{grant}/conversation-plans', 'member'],
  ['POST', '/api/v1/shared/{grant}/wins/{win}/kudos', 'member'],
  ['POST', '/api/v1/shared/{grant}/conversation-plans/{plan}/comments', 'member'],
  ['GET', '/api/v1/supporters', 'member'],
  ['POST', '/api/v1/supporters', 'member'],
  ['PUT', '/api/v1/supporters/{id}', 'member'],
  ['DELETE', '/api/v1/supporters/{id}', 'member'],
  ['GET', '/api/v1/conversation-plans', 'member'],
  ['POST', '/api/v1/conversation-plans', 'member'],
  ['GET', '/api/v1/conversation-plans/{id}', 'member'],
  ['PUT', '/api/v1/conversation-plans/{id}', 'member'],
  ['DELETE', '/api/v1/conversation-plans/{id}', 'member'],
  ['GET', '/api/v1/conversation-plans/{id}/document.html', 'member'],
  ['GET', '/api/v1/conversation-plans/{id}/document.pdf', 'member'],
];

// The (method, path) pairs of an OpenAPI document, with methods upper-cased.
export function openapiOperations(doc) {
  const verbs = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
  const out = [];
  for (const [p, item] of Object.entries(doc?.paths ?? {}))
    for (const m of Object.keys(item ?? {})) if (verbs.includes(m)) out.push([m.toUpperCase(), p]);
  return out;
}

// Replaces {name} placeholders; unknown names get "1".
export function fillPath(pattern, params = {}) {
  return pattern.replace(/\{([^}]+)\}/g, (_, name) => encodeURIComponent(String(params[name] ?? '1')));
}

// The UTC calendar day `offset` days from today, as YYYY-MM-DD (accounts default to the UTC zone).
export function isoDay(offset = 0) {
  return new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
}

// Waits for a condition by polling it on short timer ticks; fails with `what` after timeoutMs.
export async function waitUntil(condition, { timeoutMs = 5000, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

// One HTTP response parsed from raw bytes; null while incomplete. Bodies need Content-Length (the server always sends it).
export function parseResponse(buf) {
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const head = buf.subarray(0, end).toString('latin1').split('\r\n');
  const [, status] = head[0].split(' ');
  const headers = {};
  for (const line of head.slice(1)) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? 0);
  if (buf.length < end + 4 + length) return null;
  const text = buf.subarray(end + 4, end + 4 + length).toString('utf8');
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = text; }
  return { status: Number(status), headers, text, data, size: end + 4 + length };
}

// A raw TCP connection to the server, for what fetch cannot do: slow or partial requests, exact bytes, connection caps.
export class RawConnection {
  static open(port, host = '127.0.0.1') {
    return new Promise((resolve, reject) => {
      const sock = net.connect({ host, port });
      const conn = new RawConnection(sock);
      sock.once('connect', () => resolve(conn));
      sock.once('error', reject);
    });
  }

  constructor(sock) {
    this.sock = sock;
    this.buf = Buffer.alloc(0);
    this.openedAt = Date.now();
    this.closedAt = null;  // when the server's FIN (or a reset) arrived
    this.error = null;
    this.wake = () => {};
    sock.on('data', (d) => { this.buf = Buffer.concat([this.buf, d]); this.wake(); });
    sock.on('end', () => { this.closedAt ??= Date.now(); this.wake(); });
    sock.on('close', () => { this.closedAt ??= Date.now(); this.wake(); });
    sock.on('error', (e) => { this.error = e; this.closedAt ??= Date.now(); this.wake(); });
  }

  get closed() { return this.closedAt !== null; }

  // Writes bytes; resolves once they are handed to the kernel (rejects if the socket is gone).
  write(data) {
    return new Promise((resolve, reject) => this.sock.write(data, (e) => (e ? reject(e) : resolve())));
  }

  async until(ready, timeoutMs, what) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = ready();
      if (v) return v;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((r) => {
        const t = setTimeout(r, left);
        this.wake = () => { clearTimeout(t); r(); };
      });
    }
  }

  // The next complete response; null when the server closed the connection without one.
  async response({ timeoutMs = 5000 } = {}) {
    const r = await this.until(() => parseResponse(this.buf) ?? (this.closed ? 'closed' : null), timeoutMs, 'a response');
    if (r === 'closed') return null;
    this.buf = this.buf.subarray(r.size);
    return r;
  }

  // Milliseconds from opening until the server closed the connection.
  async closedAfter({ timeoutMs = 5000 } = {}) {
    await this.until(() => this.closed, timeoutMs, 'the server to close the connection');
    return this.closedAt - this.openedAt;
  }

  // Sends one request and reads its response (keep-alive unless the request says otherwise).
  async request(text, opts) {
    await this.write(text);
    return this.response(opts);
  }

  destroy() { this.sock.destroy(); }
}

// A minimal HTTP/1.1 request as text.
export function rawGet(path, { host = 'localhost', close = false, headers = {} } = {}) {
  const extra = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
  return `GET ${path} HTTP/1.1\r\nHost: ${host}\r\n${extra}${close ? 'Connection: close\r\n' : ''}\r\n`;
}

// The value of one Prometheus sample, e.g. metric(text, 'headway_http_requests_total', {route: '/healthz', status: '200'}).
// Labels not given are summed over; undefined when no sample matches.
export function metric(text, name, labels = {}) {
  let sum;
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = {};
    for (const [, k, v] of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) have[k] = v;
    if (Object.entries(labels).every(([k, v]) => have[k] === String(v))) sum = (sum ?? 0) + Number(m[3]);
  }
  return sum;
}

// Resolves when the process has exited and its output pipes are drained.
export function exited(server) {
  const child = server.child;
  if (child.exitCode !== null || child.signalCode !== null) {
    if (child.stdout.readableEnded && child.stderr.readableEnded) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => {
    let left = 3;
    const done = () => { if (--left === 0) resolve({ code: child.exitCode, signal: child.signalCode }); };
    if (child.exitCode !== null || child.signalCode !== null) done(); else child.once('exit', done);
    if (child.stdout.readableEnded) done(); else child.stdout.once('end', done);
    if (child.stderr.readableEnded) done(); else child.stderr.once('end', done);
  });
}
