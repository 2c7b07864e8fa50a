// The authorization matrix: user B, signed in, tries every route with an {id}, {date} or
// {driver} against user A's objects. Reads must answer 404 (not 403, and never A's data);
// changes must answer 404 and leave A's objects exactly as they were. Unauthenticated requests
// to every /api/v1 route but sign-in, registration and the OpenAPI document answer 401.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { Client, ROUTES, fillPath, isoDay, openapiOperations, signedIn, startServer } from './lib/server.mjs';

const METHODS = ['GET', 'PATCH', 'PUT', 'POST', 'DELETE'];
const MARK = 'A-PRIVATE-7f3c';  // in A's texts, so a leak shows in any response body
const DATE = isoDay(-1);        // A's check-in day

// A body each route accepts, so that a refusal can only come from the ownership check.
const VALID = {
  'PATCH /api/v1/values/{id}': { rank: 1 },
  'PUT /api/v1/motivations/{driver}': { rating: 2 },
  'POST /api/v1/goals/{id}/stage': { answer: 'within-30-days' },
  'POST /api/v1/goals/{id}/done': {},
  'POST /api/v1/goals/{id}/slip': { note: 'B was here' },
  'PUT /api/v1/checkins/{date}': { start: '10:00', end: '16:00', stress: 2, energy: 2, note: 'B was here' },
  'PUT /api/v1/supporters/{id}': { name: 'B was here', relation: 'friend', kinds: ['emotional'] },
  'PUT /api/v1/conversation-plans/{id}': { title: 'B was here' },
  'POST /api/v1/circles/{id}/shares': { win_id: 1 },
  'POST /api/v1/circles/{id}/wins/{win}/kudos': { emoji: '🎉', message: 'B was here' },
  'POST /api/v1/circles/{id}/pledges': { text: 'B was here', threshold: 2 },
  'POST /api/v1/shared/{grant}/wins/{win}/kudos': { emoji: '🎉', message: 'B was here' },
  'POST /api/v1/shared/{grant}/conversation-plans/{plan}/comments': { text: 'B was here' },
};

// Which of a user's objects a route's placeholder names. Keys not listed are per-user keys
// (a date or a driver name) that address the caller's own data.
const OWNED = {
  '/api/v1/values/{id}': 'value',
  '/api/v1/goals/{id}': 'goal',
  '/api/v1/goals/{id}/stage': 'goal',
  '/api/v1/goals/{id}/done': 'goal',
  '/api/v1/goals/{id}/slip': 'goal',
  '/api/v1/boundaries/{id}': 'boundary',
  '/api/v1/wins/{id}': 'win',
  '/api/v1/wins/{id}/kudos': 'win',
  '/api/v1/tokens/{id}': 'token',
  '/api/v1/supporters/{id}': 'supporter',
  '/api/v1/conversation-plans/{id}': 'plan',
  '/api/v1/conversation-plans/{id}/document.html': 'plan',
  '/api/v1/conversation-plans/{id}/document.pdf': 'plan',
};
const PER_USER_KEY = {
  '/api/v1/checkins/{date}': { date: DATE },
  '/api/v1/motivations/{driver}': { driver: 'health' },
};
// Objects addressed by name rather than id: A's, which B must not reach (404, like an id).
const NAMED = {
  '/api/v1/imports/{kind}/{name}': { kind: 'calendar', name: 'a-calendar' },
  // The feed's token is its only credential; a guessed one reaches nothing (feed.test.mjs has more).
  '/feed/{token}.ics': { token: `hwf_${'A'.repeat(43)}` },
};
// The social routes: A's circle, pledge and grant (made to carol, so B is neither member nor
// grantee), addressed with every placeholder they have. Filled in once A's objects exist.
const SOCIAL = {
  '/api/v1/circles/{id}': (o) => ({ id: o.circle }),
  '/api/v1/circles/{id}/invites': (o) => ({ id: o.circle }),
  '/api/v1/circles/{id}/membership': (o) => ({ id: o.circle }),
  '/api/v1/circles/{id}/feed': (o) => ({ id: o.circle }),
  '/api/v1/circles/{id}/shares': (o) => ({ id: o.circle }),
  '/api/v1/circles/{id}/shares/{win}': (o) => ({ id: o.circle, win: o.win }),
  '/api/v1/circles/{id}/wins/{win}/kudos': (o) => ({ id: o.circle, win: o.win }),
  '/api/v1/circles/{id}/pledges': (o) => ({ id: o.circle }),
  '/api/v1/pledges/{id}': (o) => ({ id: o.pledge }),
  '/api/v1/pledges/{id}/sign': (o) => ({ id: o.pledge }),
  '/api/v1/grants/{id}': (o) => ({ id: o.grant }),
  '/api/v1/shared/{grant}': (o) => ({ grant: o.grant }),
  '/api/v1/shared/{grant}/goals': (o) => ({ grant: o.grant }),
  '/api/v1/shared/{grant}/wins': (o) => ({ grant: o.grant }),
  '/api/v1/shared/{grant}/checkin-summary': (o) => ({ grant: o.grant }),
  '/api/v1/shared/{grant}/assessments': (o) => ({ grant: o.grant }),
  '/api/v1/shared/{grant}/conversation-plans': (o) => ({ grant: o.grant }),
  '/api/v1/shared/{grant}/wins/{win}/kudos': (o) => ({ grant: o.grant, win: o.win }),
  '/api/v1/shared/{grant}/conversation-plans/{plan}/comments': (o) => ({ grant: o.grant, plan: 1 }),
};
// Shared catalogues that are the same for everyone, so not part of the matrix.
const SHARED = new Set(['/api/v1/instruments/{id}']);

let server, a, b, aObjects, openapi;
const bWrote = new Set();  // per-user-key paths B has written its own entry for

// One of everything for a user; returns the ids.
async function createEverything(c, label) {
  const ids = {};
  const must = async (r, what) => {
    assert.ok(r.status === 200 || r.status === 201, `${label} ${what}: ${r.status} ${r.text}`);
    return r.data;
  };
  ids.value = (await must(await c.post('/api/v1/values', { name: 'health' }), 'value')).id;
  ids.spareValue = (await must(await c.post('/api/v1/values', { name: `${label} custom value` }), 'spare value')).id;
  ids.boundary = (await must(await c.post('/api/v1/boundaries', { type: 'min-break', minutes: 30, label: `${label} ${MARK}` }), 'boundary')).id;
  ids.goal = (await must(await c.post('/api/v1/goals', { title: `${label} goal ${MARK}`, values: ['health'], boundary_id: ids.boundary, if: 'it is noon', then: 'walk' }), 'goal')).id;
  // In action, so that every goal route (slip included) would succeed for its owner.
  await must(await c.post(`/api/v1/goals/${ids.goal}/stage`, { answer: 'doing-less-than-6-months' }), 'stage');
  ids.win = (await must(await c.post('/api/v1/wins', { text: `${label} win ${MARK}`, goal_id: ids.goal, date: DATE }), 'win')).id;
  await must(await c.put(`/api/v1/checkins/${DATE}`, { stress: 4, energy: 3, start: '09:00', end: '17:00', note: `${label} note ${MARK}` }), 'check-in');
  await must(await c.post('/api/v1/reflections', { values: 8, note: `${label} reflection ${MARK}` }), 'reflection');
  await must(await c.post('/api/v1/assessments', { instrument: 'balance-check', answers: Array(16).fill(3) }), 'assessment');
  await must(await c.put('/api/v1/motivations/health', { rating: 5 }), 'motivation');
  await must(await c.post('/api/v1/catalysts', { kind: 'burnout', note: `${label} catalyst ${MARK}` }), 'catalyst');
  ids.token = (await must(await c.post('/api/v1/tokens', { name: `${label} token`, scope: 'read-write' }), 'token')).id;
  const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', `UID:${label}-1@test`,
    `DTSTART:${DATE.replaceAll('-', '')}T170000Z`, `DTEND:${DATE.replaceAll('-', '')}T180000Z`, `SUMMARY:${label} ${MARK}`,
    'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
  await must(await c.request('POST', `/api/v1/imports/calendar?source=${label.toLowerCase()}-calendar&keep_titles=true`,
    { body: ics, headers: { 'content-type': 'text/calendar' } }), 'calendar');
  ids.supporter = (await must(await c.post('/api/v1/supporters', { name: `${label} friend`, relation: 'friend', kinds: ['emotional'] }), 'supporter')).id;
  ids.plan = (await must(await c.post('/api/v1/conversation-plans', { goal_id: ids.goal }), 'plan')).id;
  await must(await c.put(`/api/v1/conversation-plans/${ids.plan}`, { title: `${label} plan ${MARK}`, situation: MARK }), 'plan text');
  ids.circle = (await must(await c.post('/api/v1/circles', { name: `${label} circle`, purpose: MARK }), 'circle')).id;
  await must(await c.post(`/api/v1/circles/${ids.circle}/shares`, { win_id: ids.win }), 'share');
  ids.pledge = (await must(await c.post(`/api/v1/circles/${ids.circle}/pledges`, { text: `${label} pledge ${MARK}`, threshold: 2 }), 'pledge')).id;
  await must(await c.post(`/api/v1/pledges/${ids.pledge}/sign`), 'signature');
  ids.grant = (await must(await c.post('/api/v1/grants', { grantee_email: `carol-of-${label.toLowerCase()}@example.org`, scopes: ['wins', 'goals'] }), 'grant')).id;
  return ids;
}

// Everything A can read about A's own data, as JSON.
async function readAll(c, ids) {
  const range = `from=${isoDay(-30)}&to=${isoDay(0)}`;
  const out = {};
  for (const path of [`/api/v1/values`, `/api/v1/goals`, `/api/v1/goals/${ids.goal}`, '/api/v1/boundaries', `/api/v1/wins?${range}`,
    `/api/v1/wins/${ids.win}`, `/api/v1/checkins?${range}`, `/api/v1/checkins/${DATE}`, `/api/v1/reflections?${range}`,
    '/api/v1/assessments', '/api/v1/motivations', '/api/v1/tokens', '/api/v1/me', '/api/v1/imports', `/api/v1/signals?${range}`,
    `/api/v1/circles/${ids.circle}`, `/api/v1/circles/${ids.circle}/feed`, `/api/v1/pledges/${ids.pledge}`, '/api/v1/grants',
    '/api/v1/grants/access-log', '/api/v1/supporters', `/api/v1/conversation-plans/${ids.plan}`]) {
    const r = await c.get(path);
    assert.equal(r.status, 200, `A cannot read ${path}: ${r.text}`);
    out[path] = r.data;
  }
  for (const t of out['/api/v1/tokens']) delete t.last_used_at;  // A's own token use below touches it
  return out;
}

// The routes with a placeholder: the table's, plus any the OpenAPI document lists.
function templatedRoutes() {
  const patterns = new Set(ROUTES.filter(([, p]) => p.includes('{')).map(([, p]) => p));
  for (const [, p] of openapiOperations(openapi)) if (p.includes('{')) patterns.add(p.startsWith('/') ? p : `/${p}`);
  return [...patterns].sort();
}

function served(method, pattern) {
  return ROUTES.some(([m, p]) => m === method && p === pattern) ||
    openapiOperations(openapi).some(([m, p]) => m === method && p === pattern);
}

before(async () => {
  server = await startServer();
  a = await signedIn(server, 'alice@example.org');
  b = await signedIn(server, 'bob@example.org');
  aObjects = await createEverything(a, 'A');
  const doc = await fetch(`${server.base}/api/v1/openapi.json`);
  assert.equal(doc.status, 200);
  openapi = await doc.json();
});
after(async () => { await server.stop(); server.cleanup(); });

test('every templated route is classified by this test', () => {
  for (const p of templatedRoutes())
    assert.ok(OWNED[p] || NAMED[p] || SOCIAL[p] || PER_USER_KEY[p] || SHARED.has(p), `add ${p} to OWNED, NAMED, SOCIAL, PER_USER_KEY or SHARED in this test`);
  assert.ok(templatedRoutes().length >= 10, 'the matrix found the routes');
});

// Runs B's requests against A's objects and checks each answer; returns nothing, asserts as it goes.
async function matrix(asB, { viaToken }) {
  const aBefore = await readAll(a, aObjects);
  const checked = [];
  for (const pattern of templatedRoutes()) {
    if (SHARED.has(pattern)) continue;
    const params = OWNED[pattern] ? { id: aObjects[OWNED[pattern]], date: DATE }
      : SOCIAL[pattern] ? SOCIAL[pattern](aObjects) : NAMED[pattern] ?? PER_USER_KEY[pattern];
    const path = fillPath(pattern, params);
    for (const method of METHODS) {
      const key = `${method} ${pattern}`;
      const body = method === 'GET' || method === 'DELETE' ? undefined : (VALID[key] ?? {});
      const r = await asB.request(method, path, { json: body });
      const where = `${key} as B${viaToken ? ' (API token)' : ''} on A's ${path}: ${r.status} ${r.text}`;
      assert.ok(!r.text.includes(MARK), `A's data leaked: ${where}`);
      checked.push(key);
      if (!served(method, pattern)) {
        assert.equal(r.status, 405, where);
        continue;
      }
      if (viaToken && pattern === '/api/v1/tokens/{id}') {
        assert.equal(r.status, 403, `token management is for sessions, whatever the id: ${where}`);
        continue;
      }
      if (OWNED[pattern] || NAMED[pattern] || SOCIAL[pattern]) {
        assert.equal(r.status, 404, where);
        assert.equal(r.data?.error?.code, 'not_found', where);
      } else if (method === 'GET') {
        // B's own entry for the key once B wrote one, else nothing; A's never (checked above).
        assert.equal(r.status, bWrote.has(path) ? 200 : 404, `B's own ${path}: ${where}`);
      } else {
        assert.ok(r.status === 200 || r.status === 201, `B writes B's own ${path}: ${where}`);
        bWrote.add(path);
      }
    }
  }
  assert.deepEqual(await readAll(a, aObjects), aBefore, "B's requests changed A's data");
  return checked;
}

describe('user B against user A', () => {
  test("B's session gets 404 for A's ids on every route and method, and A's data stays the same", async () => {
    const checked = await matrix(b, { viaToken: false });
    assert.ok(checked.length >= 50, `only ${checked.length} requests were checked`);
  });

  test("B's read-write API token gets the same answers", async () => {
    const t = await b.post('/api/v1/tokens', { name: 'B script', scope: 'read-write' });
    assert.equal(t.status, 201, t.text);
    const viaToken = new Client(server.base, { origin: null });
    viaToken.token = t.data.token;
    await matrix(viaToken, { viaToken: true });
  });

  test("B's check-in on A's date is B's own and leaves A's alone", async () => {
    const aBefore = (await a.get(`/api/v1/checkins/${DATE}`)).data;
    const mine = await b.put(`/api/v1/checkins/${DATE}`, { start: '07:00', end: '15:00', stress: 1, energy: 5, note: 'B only' });
    assert.ok(mine.status === 200 || mine.status === 201, mine.text);
    assert.equal(mine.data.note, 'B only');
    assert.equal((await b.get(`/api/v1/checkins/${DATE}`)).data.note, 'B only');
    assert.deepEqual((await a.get(`/api/v1/checkins/${DATE}`)).data, aBefore);
    assert.equal(aBefore.stress, 4);
    assert.ok(aBefore.note.includes(MARK));
  });

  test("B's listings show none of A's objects", async () => {
    const range = `from=${isoDay(-30)}&to=${isoDay(0)}`;
    for (const path of ['/api/v1/values', '/api/v1/goals', '/api/v1/boundaries', `/api/v1/wins?${range}`, `/api/v1/checkins?${range}`,
      `/api/v1/reflections?${range}`, '/api/v1/assessments', '/api/v1/motivations', '/api/v1/tokens', '/api/v1/me', '/api/v1/export',
      '/api/v1/reports/week', '/api/v1/boundaries/check', '/api/v1/strategies/suggestions', '/api/v1/imports', `/api/v1/signals?${range}`]) {
      const r = await b.get(path);
      assert.equal(r.status, 200, `${path}: ${r.text}`);
      assert.ok(!r.text.includes(MARK), `${path} shows A's data to B: ${r.text.slice(0, 300)}`);
      assert.ok(!r.text.includes('alice@example.org'), `${path} shows A's email to B`);
    }
    const assessments = await b.get('/api/v1/assessments');
    assert.deepEqual(assessments.data, [], "A's assessment is not in B's history");
    const tokens = await b.get('/api/v1/tokens');
    assert.ok(!tokens.data.some((t) => t.id === aObjects.token));
  });

  test("B cannot reach A's objects through ids in a request body", async () => {
    const aBefore = await readAll(a, aObjects);
    const bBefore = await Promise.all(['/api/v1/goals', `/api/v1/wins?from=${isoDay(-30)}&to=${isoDay(0)}`].map((p) => b.get(p)));
    const attempts = [
      ['POST', '/api/v1/wins', { text: 'linked to A', goal_id: aObjects.goal }],
      ['POST', '/api/v1/wins', { text: 'valued by A', value: aObjects.value }],
      ['POST', '/api/v1/goals', { title: 'on A value', values: [String(aObjects.value)] }],
      ['POST', '/api/v1/goals', { title: 'on A boundary', values: [String(aObjects.value)], boundary_id: aObjects.boundary }],
    ];
    assert.equal((await b.post('/api/v1/values', { name: 'family' })).status, 201);
    attempts.push(['POST', '/api/v1/goals', { title: 'on A boundary', values: ['family'], boundary_id: aObjects.boundary }]);
    for (const [method, path, json] of attempts) {
      const r = await b.request(method, path, { json });
      assert.ok(r.status === 404 || r.status === 422, `${method} ${path} ${JSON.stringify(json)}: ${r.status} ${r.text}`);
      assert.ok(!r.text.includes(MARK));
    }
    const bAfter = await Promise.all(['/api/v1/goals', `/api/v1/wins?from=${isoDay(-30)}&to=${isoDay(0)}`].map((p) => b.get(p)));
    assert.deepEqual(bAfter.map((r) => r.data), bBefore.map((r) => r.data), 'nothing was created for B');
    assert.deepEqual(await readAll(a, aObjects), aBefore);
  });

  test('the same requests succeed on B\'s own objects (so the 404s above come from ownership)', async () => {
    for (const pattern of templatedRoutes()) {
      if (SHARED.has(pattern)) continue;
      // The social routes answer their member, owner or grantee: together.test.mjs shows each one
      // working for them with real circles, pledges and grants.
      if (SOCIAL[pattern]) continue;
      for (const method of METHODS) {
        if (!served(method, pattern)) continue;
        const mine = await createEverythingLight(b);
        if (NAMED[pattern]?.name) {
          // B's own source of the same name as A's: B reaches B's, never A's.
          const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', 'UID:b@test',
            'DTSTART:20261120T090000Z', 'DTEND:20261120T100000Z', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
          const r = await b.request('POST', `/api/v1/imports/calendar?source=${NAMED[pattern].name}`,
            { body: ics, headers: { 'content-type': 'text/calendar' } });
          assert.equal(r.status, 201, r.text);
        }
        let params = OWNED[pattern] ? { id: mine[OWNED[pattern]], date: DATE } : NAMED[pattern] ?? PER_USER_KEY[pattern];
        // B's own feed token opens B's feed.
        if (pattern === '/feed/{token}.ics') params = { token: (await b.post('/api/v1/calendar-feed', {})).data.token };
        const key = `${method} ${pattern}`;
        const body = method === 'GET' || method === 'DELETE' ? undefined : (VALID[key] ?? {});
        const r = await b.request(method, fillPath(pattern, params), { json: body });
        assert.ok(r.status >= 200 && r.status < 300, `${key} on B's own object: ${r.status} ${r.text}`);
      }
    }
  });

  test("A's API token still works after B tried to revoke it", async () => {
    const list = await a.get('/api/v1/tokens');
    const t = list.data.find((x) => x.id === aObjects.token);
    assert.equal(t.revoked, false);
  });
});

// Fresh objects for B, one of each kind a templated route addresses.
let lightCount = 0;
async function createEverythingLight(c) {
  const n = ++lightCount;
  const ids = {};
  const value = await c.post('/api/v1/values', { name: `B value ${n}` });
  assert.equal(value.status, 201, value.text);
  ids.value = value.data.id;
  const boundary = await c.post('/api/v1/boundaries', { type: 'min-break', minutes: 20 });
  assert.equal(boundary.status, 201, boundary.text);
  ids.boundary = boundary.data.id;
  const goal = await c.post('/api/v1/goals', { title: `B goal ${n}`, values: [String(ids.value)] });
  assert.equal(goal.status, 201, goal.text);
  ids.goal = goal.data.id;
  const staged = await c.post(`/api/v1/goals/${ids.goal}/stage`, { answer: 'doing-less-than-6-months' });
  assert.equal(staged.status, 200, staged.text);
  const win = await c.post('/api/v1/wins', { text: `B win ${n}` });
  assert.equal(win.status, 201, win.text);
  ids.win = win.data.id;
  const token = await c.post('/api/v1/tokens', { name: `B token ${n}`, scope: 'read' });
  assert.equal(token.status, 201, token.text);
  ids.token = token.data.id;
  // A value linked to no goal, so deleting it is allowed.
  const loose = await c.post('/api/v1/values', { name: `B loose value ${n}` });
  ids.value = loose.data.id;
  // The per-user keys (a day, a driver) need something of B's to read.
  assert.ok([200, 201].includes((await c.put(`/api/v1/checkins/${DATE}`, VALID['PUT /api/v1/checkins/{date}'])).status));
  assert.equal((await c.put('/api/v1/motivations/health', { rating: 3 })).status, 200);
  const supporter = await c.post('/api/v1/supporters', { name: `B friend ${n}`, relation: 'friend', kinds: ['emotional'] });
  assert.equal(supporter.status, 201, supporter.text);
  ids.supporter = supporter.data.id;
  const plan = await c.post('/api/v1/conversation-plans', {});
  assert.equal(plan.status, 201, plan.text);
  ids.plan = plan.data.id;
  return ids;
}

describe('without credentials', () => {
  const OPEN = new Set(['/api/v1/auth/login', '/api/v1/auth/register', '/api/v1/openapi.json']);

  test('every /api/v1 route but sign-in, registration and the OpenAPI document answers 401', async () => {
    const routes = [...ROUTES.map(([m, p]) => [m, p]), ...openapiOperations(openapi)]
      .filter(([, p]) => p.startsWith('/api/v1/') && !OPEN.has(p));
    assert.ok(routes.length >= 40, `only ${routes.length} routes`);
    const anon = new Client(server.base);
    for (const [method, pattern] of routes) {
      const path = fillPath(pattern, { id: aObjects.goal, date: DATE, driver: 'health' });
      const body = method === 'GET' || method === 'DELETE' ? undefined : (VALID[`${method} ${pattern}`] ?? {});
      const r = await anon.request(method, path, { json: body });
      assert.equal(r.status, 401, `${method} ${path}: ${r.text}`);
      assert.equal(r.data.error.code, 'unauthenticated');
      assert.ok(!r.text.includes(MARK));
      // A made-up cookie is no better, and is cleared.
      const forged = await fetch(server.base + path, {
        method, headers: { cookie: 'headway_session=forged-session-token', origin: server.origin, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      assert.equal(forged.status, 401, `${method} ${path} with a forged cookie`);
      assert.match(forged.headers.get('set-cookie') ?? '', /^headway_session=;.*Max-Age=0/);
      await forged.arrayBuffer();
    }
  });

  test('the open routes really are open', async () => {
    const doc = await fetch(`${server.base}/api/v1/openapi.json`);
    assert.equal(doc.status, 200);
    const login = await new Client(server.base).post('/api/v1/auth/login', { email: 'nobody@example.org', password: 'wrong password!' });
    assert.equal(login.status, 401, 'a wrong password, not a missing session');
    assert.equal(login.data.error.message, 'email or password is wrong');
    const reg = await new Client(server.base).post('/api/v1/auth/register', { email: 'x@example.org', password: 'long enough password' });
    assert.equal(reg.status, 422, reg.text);
  });
});
