// Starts a real `headway serve` on a free loopback port, with a fresh data directory and the built UI.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Free ports, and waiting until a port answers: the API tests' helpers, shared.
import { freePort, waitForPort } from '../../../tests/api/lib/server.mjs';

export { freePort, waitForPort };

const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BINARY = process.env.HEADWAY_BINARY
  ? path.resolve(process.env.HEADWAY_BINARY)
  : path.resolve(WEB, '../build/release/headway');
// HEADWAY_WEB_DIST points the tests at another build of the UI (e.g. vite build --outDir elsewhere).
export const WEB_DIST = process.env.HEADWAY_WEB_DIST ? path.resolve(process.env.HEADWAY_WEB_DIST) : path.join(WEB, 'dist');
export const PASSWORD = 'correct horse battery staple';

// Why the end-to-end tests cannot run, or null when they can.
export function missingPrerequisite() {
  if (!existsSync(BINARY)) return `${BINARY} is missing (build it, or set HEADWAY_BINARY)`;
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) return `${WEB_DIST}/index.html is missing (run npm run build)`;
  const help = spawnSync(BINARY, ['serve', '--help'], { encoding: 'utf8' });
  if (!help.stdout?.includes('--web-dir')) return `${BINARY} has no --web-dir option yet (set HEADWAY_BINARY to a newer build)`;
  return null;
}

// Creates an account with `headway user add`; the password goes to stdin.
export function addUser(dir, email, password = PASSWORD) {
  const r = spawnSync(BINARY, ['user', 'add', '--email', email, '--data-dir', dir], { input: password + '\n', encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`headway user add failed (${r.status}): ${r.stderr}`);
}

// A fresh server with one account. Returns { base, email, password, dir, stop(), log() }.
// With `demo`, the data directory first gets the demo person (Sam Rivera, sam@example.org, 120 days).
export async function startHeadway({ email = 'sam@example.org', demo = false } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'headway-e2e-'));
  if (demo) {
    const r = spawnSync(BINARY, ['demo', '--data-dir', dir], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`headway demo failed (${r.status}): ${r.stderr}`);
  }
  addUser(dir, email);
  const port = await freePort();
  const args = ['serve', '--data-dir', dir, '--listen', `127.0.0.1:${port}`, '--web-dir', WEB_DIST];
  const child = spawn(BINARY, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  try {
    await waitForPort(port, { child });
  } catch (e) {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${e.message}\n${output}`);
  }
  return {
    base: `http://127.0.0.1:${port}`,
    email,
    password: PASSWORD,
    dir,
    log: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const done = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await done;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Signs in from Node (not the browser) and reads a path: an independent look at what was stored.
// Signs in from Node as `email` and returns a function that sends requests with that session
// (cookie, CSRF token and the Origin the server asks for): (method, path, body?) → {status, body}.
export async function sessionOf(server, email = server.email, password = server.password ?? PASSWORD) {
  const login = await fetch(server.base + '/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`sign-in of ${email} from Node failed: ${login.status}`);
  const cookie = login.headers.get('set-cookie').split(';')[0];
  const { csrf_token } = await login.json();
  return async (method, urlPath, body) => {
    const res = await fetch(server.base + urlPath, {
      method,
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrf_token, origin: server.base },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
}

// Another person: an account made with `headway user add`, signed in from Node.
export async function otherPerson(server, email) {
  addUser(server.dir, email);
  return sessionOf(server, email, PASSWORD);
}

export async function apiGet(server, urlPath) {
  return (await sessionOf(server))('GET', urlPath);
}

// Signs in from Node and sends a write (with the CSRF token and Origin the server asks for).
export async function apiSend(server, method, urlPath, body) {
  return (await sessionOf(server))(method, urlPath, body);
}
