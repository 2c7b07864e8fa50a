// The load side of the Together benchmarks (bench/together/run.sh; docs/PERFORMANCE.md, section 8),
// against running `headway serve` nodes, signed in with the sessions headway_together_seed made.
//
//   node load.mjs feed --base URL --sessions FILE --circle ID --cursor CURSOR [--requests 200]
//     GET /api/v1/circles/{id}/feed, first page and the page after CURSOR, each REQUESTS times in
//     turn after 20 warm-up requests; checks every answer (200, 20 entries, newest first, the deep
//     page older than the cursor). Prints one JSON line: median, p95, max in ms per page.
//   node load.mjs sign --base URL[,URL...] --sessions FILE --pledge ID
//     POST /api/v1/pledges/{id}/sign for every session at once (Promise.all), the i-th session on
//     the (i mod n)-th node; then checks the pledge (active, signers = sessions), the answers'
//     signers values (exactly 1..N) and every signer's notifications (one pledge_activated each).
//     Prints one JSON line: wall time, requests/s, the checks.
// Exits 1 when a check fails, 2 on bad arguments.
import { readFileSync } from 'node:fs';

function die(message, code = 2) {
  console.error(`load.mjs: ${message}`);
  process.exit(code);
}

function parseArgs(argv) {
  const [mode, ...rest] = argv;
  if (mode !== 'feed' && mode !== 'sign') die('the first argument must be "feed" or "sign"');
  const args = { mode, requests: 200 };
  for (let i = 0; i < rest.length; i += 2) {
    const key = rest[i].replace(/^--/, '');
    if (rest[i + 1] === undefined) die(`${rest[i]} needs a value`);
    args[key] = rest[i + 1];
  }
  for (const need of mode === 'feed' ? ['base', 'sessions', 'circle', 'cursor'] : ['base', 'sessions', 'pledge'])
    if (!args[need]) die(`--${need} is required for ${mode}`);
  args.requests = Number(args.requests);
  if (!Number.isInteger(args.requests) || args.requests < 1) die('--requests must be a positive whole number');
  args.bases = args.base.split(',');
  return args;
}

function readSessions(file) {
  return readFileSync(file, 'utf8').trim().split('\n').map((line, i) => {
    const [token, csrf] = line.split(' ');
    if (!token || !csrf) die(`${file}: line ${i + 1} is not "token csrf"`);
    return { token, csrf };
  });
}

const headers = (base, s, write) => ({
  cookie: `headway_session=${s.token}`,
  ...(write ? { 'x-csrf-token': s.csrf, origin: base } : {}),
});

function quantile(sorted, q) {
  const at = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, at)];
}

const failures = [];
function check(ok, message) {
  if (!ok && failures.length < 20) failures.push(message);
  return ok;
}

// Times `requests` sequential GETs of one feed page and checks each answer.
async function timePage(base, session, circle, cursor, requests) {
  const url = `${base}/api/v1/circles/${circle}/feed` + (cursor ? `?cursor=${encodeURIComponent(cursor)}` : '');
  const [cursorAt, cursorId] = cursor ? cursor.split('.').map(Number) : [Infinity, Infinity];
  const times = [];
  for (let i = 0; i < 20 + requests; ++i) {
    const start = process.hrtime.bigint();
    const res = await fetch(url, { headers: headers(base, session, false) });
    const body = await res.json();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (i >= 20) times.push(ms);
    if (!check(res.status === 200, `${url}: status ${res.status}`)) continue;
    check(body.entries.length === 20 && body.next, `${url}: ${body.entries.length} entries, next ${body.next}`);
    let prev = [cursorAt, cursorId];
    for (const e of body.entries) {
      const at = Date.parse(e.shared_at) / 1000;
      const older = at < prev[0] || (at === prev[0] && e.win_id < prev[1]);
      if (!check(older, `${url}: entry ${e.win_id} is out of order`)) break;
      prev = [at, e.win_id];
    }
  }
  times.sort((a, b) => a - b);
  const round = (v) => Math.round(v * 100) / 100;
  return { median: round(quantile(times, 0.5)), p95: round(quantile(times, 0.95)), max: round(times.at(-1)) };
}

async function feed(args, sessions) {
  const base = args.bases[0];
  const first = await timePage(base, sessions[0], args.circle, '', args.requests);
  const deep = await timePage(base, sessions[0], args.circle, args.cursor, args.requests);
  return { requests: args.requests, first, deep };
}

// Runs fn over items with at most `limit` in flight.
async function pool(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  }));
  return out;
}

async function sign(args, sessions) {
  const n = sessions.length;
  const start = process.hrtime.bigint();
  const answers = await Promise.all(sessions.map(async (s, i) => {
    const base = args.bases[i % args.bases.length];
    try {
      const res = await fetch(`${base}/api/v1/pledges/${args.pledge}/sign`, { method: 'POST', headers: headers(base, s, true) });
      return { status: res.status, body: await res.json() };
    } catch (e) {
      return { status: 0, body: { error: String(e.cause ?? e) } };
    }
  }));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;

  const bad = answers.filter((a) => a.status !== 200);
  check(bad.length === 0, `${bad.length} of ${n} signatures not answered 200, e.g. ${bad[0]?.status} ${JSON.stringify(bad[0]?.body)}`);
  const seen = answers.filter((a) => a.status === 200).map((a) => a.body.signers).sort((a, b) => a - b);
  const exact = seen.length === n && seen.every((v, i) => v === i + 1);
  check(exact, `the answers' signers values are not exactly 1..${n} (${seen.length} values, first ${seen.slice(0, 5)})`);
  const activeAnswers = answers.filter((a) => a.body.status === 'active').length;

  const base = args.bases[0];
  const pledge = await (await fetch(`${base}/api/v1/pledges/${args.pledge}`, { headers: headers(base, sessions[0], false) })).json();
  check(pledge.status === 'active' && pledge.signers === n,
        `the pledge is ${pledge.status} with ${pledge.signers} signers, expected active with ${n}`);

  const counts = await pool(sessions, 32, async (s, i) => {
    const b = args.bases[i % args.bases.length];
    const res = await fetch(`${b}/api/v1/notifications?limit=200`, { headers: headers(b, s, false) });
    if (!check(res.status === 200, `notifications of session ${i + 1}: status ${res.status}`)) return 0;
    const body = await res.json();
    return body.notifications.filter((x) => x.kind === 'pledge_activated' && x.object_id === Number(args.pledge)).length;
  });
  const notified = counts.reduce((a, b) => a + b, 0);
  const onePerSigner = counts.every((c) => c === 1);
  check(notified === n && onePerSigner,
        `${notified} pledge_activated notifications (expected ${n}, one per signer; ${counts.filter((c) => c !== 1).length} signers differ)`);
  return {
    signatures: n, nodes: args.bases.length, seconds: Math.round(seconds * 1000) / 1000,
    per_second: Math.round(n / seconds), answered_200: n - bad.length, signers_exact: exact,
    status: pledge.status, signers: pledge.signers, activated_at: pledge.activated_at,
    answers_active: activeAnswers, notifications: notified, one_per_signer: onePerSigner,
  };
}

const args = parseArgs(process.argv.slice(2));
const sessions = readSessions(args.sessions);
const result = args.mode === 'feed' ? await feed(args, sessions) : await sign(args, sessions);
result.ok = failures.length === 0;
if (failures.length) result.failures = failures;
console.log(JSON.stringify(result));
process.exit(result.ok ? 0 : 1);
