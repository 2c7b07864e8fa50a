// The social side over HTTP: circles, invites, shared wins and kudos, pledges (including 20
// concurrent signers through two app nodes on PostgreSQL and on SQLite), notifications, and
// grants to partners with exactly their scopes, an access log, and revocation on the next request.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { Client, PASSWORD, signedIn, startServer } from './lib/server.mjs';
import { createDatabase, postgresSkip, requirePostgres } from './lib/postgres.mjs';

const MARK = 'NOTE-PRIVATE-41d9';  // in texts that must never reach anyone else

function expectStatus(r, status, what) {
  assert.equal(r.status, status, `${what}: ${r.status} ${r.text}`);
  return r.data;
}

function expectError(r, status, field, what) {
  assert.equal(r.status, status, `${what}: ${r.status} ${r.text}`);
  if (field) assert.equal(r.data?.error?.field, field, `${what}: ${r.text}`);
  assert.ok(r.data?.error?.message, `${what} explains itself: ${r.text}`);
}

async function circleWith(owner, members, name = 'Evening offline') {
  const circle = expectStatus(await owner.post('/api/v1/circles', { name, purpose: 'Stop answering after 19:00' }), 201, 'create circle');
  for (const m of members) {
    const inv = expectStatus(await owner.post(`/api/v1/circles/${circle.id}/invites`, {}), 201, 'invite');
    expectStatus(await m.post('/api/v1/circles/join', { code: inv.code }), 200, 'join');
  }
  return circle;
}

async function notifications(c, kind) {
  const page = expectStatus(await c.get('/api/v1/notifications?limit=200'), 200, 'notifications');
  return page.notifications.filter((n) => !kind || n.kind === kind);
}

describe('circles, shared wins and kudos', () => {
  let server, alice, bob, mallory;
  before(async () => {
    server = await startServer();
    alice = await signedIn(server, 'alice@example.org');
    bob = await signedIn(server, 'bob@example.org');
    mallory = await signedIn(server, 'mallory@example.org');
  });
  after(async () => { await server.stop(); server.cleanup(); });

  it('an owner invites, a member joins, wins shared with the circle get kudos, and leaving takes them away', async () => {
    const circle = expectStatus(await alice.post('/api/v1/circles', { name: 'Team North', purpose: 'Leave on time' }), 201, 'create');
    assert.equal(circle.owner, true);
    assert.equal(circle.members, 1);
    const invite = expectStatus(await alice.post(`/api/v1/circles/${circle.id}/invites`, { valid_days: 3 }), 201, 'invite');
    assert.match(invite.code, /^hwc_[A-Za-z0-9_-]{43}$/);
    const joined = expectStatus(await bob.post('/api/v1/circles/join', { code: invite.code }), 200, 'join');
    assert.equal(joined.id, circle.id);
    assert.equal(joined.owner, false);
    expectError(await bob.post('/api/v1/circles/join', { code: invite.code }), 409, 'code', 'joining twice');
    const joinedNote = await notifications(alice, 'circle_joined');
    assert.equal(joinedNote.length, 1);
    assert.equal(joinedNote[0].object_id, circle.id);

    // Only members invite? The owner does; a member is told so, a stranger sees no circle.
    expectError(await bob.post(`/api/v1/circles/${circle.id}/invites`, {}), 403, null, 'member invites');
    expectError(await mallory.post(`/api/v1/circles/${circle.id}/invites`, {}), 404, null, 'stranger invites');

    const win = expectStatus(await bob.post('/api/v1/wins', { text: 'Left at 17:30 all week', size: 'medium' }), 201, 'win');
    const privateWin = expectStatus(await bob.post('/api/v1/wins', { text: `not shared ${MARK}` }), 201, 'private win');
    expectStatus(await bob.post(`/api/v1/circles/${circle.id}/shares`, { win_id: win.id }), 201, 'share');
    expectError(await bob.post(`/api/v1/circles/${circle.id}/shares`, { win_id: win.id }), 409, 'circle', 'share twice');
    expectError(await alice.post(`/api/v1/circles/${circle.id}/shares`, { win_id: win.id }), 404, 'win_id', "sharing someone else's win");

    let feed = expectStatus(await alice.get(`/api/v1/circles/${circle.id}/feed`), 200, 'feed');
    assert.equal(feed.entries.length, 1);
    assert.equal(feed.entries[0].text, 'Left at 17:30 all week');
    assert.equal(feed.entries[0].author, 'bob');
    assert.ok(!JSON.stringify(feed).includes(MARK), 'an unshared win stays private');

    const kudos = expectStatus(await alice.post(`/api/v1/circles/${circle.id}/wins/${win.id}/kudos`, { emoji: '🎉', message: 'Well done!' }), 201, 'kudos');
    assert.equal(kudos.from, 'alice');
    expectError(await bob.post(`/api/v1/circles/${circle.id}/wins/${win.id}/kudos`, { emoji: '🎉' }), 409, 'win', 'kudos on your own win');
    expectError(await alice.post(`/api/v1/circles/${circle.id}/wins/${privateWin.id}/kudos`, { emoji: '🎉' }), 404, null, 'kudos on an unshared win');
    expectError(await alice.post(`/api/v1/circles/${circle.id}/wins/${win.id}/kudos`, { emoji: 'lol' }), 422, 'emoji', 'text as emoji');
    expectError(await alice.post(`/api/v1/circles/${circle.id}/wins/${win.id}/kudos`, { emoji: '🎉', message: 'x'.repeat(281) }), 422, 'message', 'long message');
    const got = await notifications(bob, 'kudos');
    assert.equal(got.length, 1);
    assert.equal(got[0].object_id, win.id);
    assert.match(got[0].text, /alice sent 🎉/);
    feed = expectStatus(await alice.get(`/api/v1/circles/${circle.id}/feed`), 200, 'feed');
    assert.deepEqual(feed.entries[0].kudos.map((k) => [k.emoji, k.message]), [['🎉', 'Well done!']]);
    // Bob reads the kudos on his own win with the circle it came from; nobody else can.
    const mine = expectStatus(await bob.get(`/api/v1/wins/${win.id}/kudos`), 200, 'kudos on my win');
    assert.deepEqual(mine.shared_with, [{ id: circle.id, name: circle.name }]);
    assert.deepEqual(mine.kudos.map((k) => [k.from, k.emoji, k.message, k.circle_id, k.circle_name]), [['alice', '🎉', 'Well done!', circle.id, circle.name]]);
    expectError(await alice.get(`/api/v1/wins/${win.id}/kudos`), 404, null, 'kudos on another member\'s win');

    // Bob leaves: his shared win and its kudos leave with him, and he sees nothing of the circle.
    assert.equal((await bob.delete(`/api/v1/circles/${circle.id}/membership`)).status, 204);
    feed = expectStatus(await alice.get(`/api/v1/circles/${circle.id}/feed`), 200, 'feed after leaving');
    assert.equal(feed.entries.length, 0);
    for (const url of [`/api/v1/circles/${circle.id}`, `/api/v1/circles/${circle.id}/feed`, `/api/v1/circles/${circle.id}/pledges`])
      expectError(await bob.get(url), 404, null, `former member reads ${url}`);
    const circles = expectStatus(await bob.get('/api/v1/circles'), 200, 'list');
    assert.equal(circles.length, 0);
  });

  it('an owner who deletes their account passes the circle on; it does not vanish for the others', async () => {
    const owner = await signedIn(server, 'olga@example.org');
    const circle = await circleWith(owner, [alice, bob], 'Passed on');
    const w = expectStatus(await alice.post('/api/v1/wins', { text: 'still here' }), 201, 'win');
    expectStatus(await alice.post(`/api/v1/circles/${circle.id}/shares`, { win_id: w.id }), 201, 'share');
    assert.equal((await owner.request('DELETE', '/api/v1/me', { json: { password: PASSWORD } })).status, 204);
    const seen = expectStatus(await alice.get(`/api/v1/circles/${circle.id}`), 200, 'the circle after its owner left');
    assert.equal(seen.members, 2);
    assert.equal(seen.owner, true, "alice, the longest-standing member, owns it now");
    const owners = seen.member_list.filter((m) => m.owner).map((m) => m.name);
    assert.deepEqual(owners, ['alice'], 'the longest-standing member owns it now');
    const feed = expectStatus(await bob.get(`/api/v1/circles/${circle.id}/feed`), 200, 'feed');
    assert.deepEqual(feed.entries.map((e) => e.win_id), [w.id]);
    expectStatus(await alice.post(`/api/v1/circles/${circle.id}/invites`, {}), 201, 'the new owner invites');
  });

  it('the feed pages by cursor, newest first, without repeats', async () => {
    const circle = await circleWith(alice, [bob], 'Pager');
    const ids = [];
    for (let i = 0; i < 25; i++) {
      const w = expectStatus(await bob.post('/api/v1/wins', { text: `win ${i}` }), 201, 'win');
      expectStatus(await bob.post(`/api/v1/circles/${circle.id}/shares`, { win_id: w.id }), 201, 'share');
      ids.push(w.id);
    }
    const seen = [];
    let cursor = null;
    do {
      const page = expectStatus(await alice.get(`/api/v1/circles/${circle.id}/feed?limit=10${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`), 200, 'page');
      assert.ok(page.entries.length <= 10);
      seen.push(...page.entries.map((e) => e.win_id));
      cursor = page.next;
    } while (cursor);
    assert.deepEqual(seen, [...ids].reverse());
    expectError(await alice.get(`/api/v1/circles/${circle.id}/feed?cursor=garbage`), 422, 'cursor', 'bad cursor');
    expectError(await alice.get(`/api/v1/circles/${circle.id}/feed?limit=0`), 422, 'limit', 'bad limit');
  });

  it('bad input is refused, names the field and changes nothing', async () => {
    const before = expectStatus(await alice.get('/api/v1/circles'), 200, 'list');
    expectError(await alice.post('/api/v1/circles', { name: '' }), 422, 'name', 'empty name');
    expectError(await alice.post('/api/v1/circles', { name: 'n'.repeat(101) }), 422, 'name', 'long name');
    expectError(await alice.post('/api/v1/circles', { name: 'ok', purpose: 'p'.repeat(1001) }), 422, 'purpose', 'long purpose');
    expectError(await alice.post('/api/v1/circles', { name: 42 }), 422, 'name', 'number as name');
    expectError(await alice.post('/api/v1/circles', { name: 'ok', owner: 'me' }), 422, 'owner', 'unknown field');
    expectError(await alice.post('/api/v1/circles/join', { code: 'hwc_nope' }), 404, 'code', 'unknown code');
    expectError(await alice.post('/api/v1/circles/join', { code: '' }), 422, 'code', 'empty code');
    const circle = await circleWith(alice, [], 'Limits');
    expectError(await alice.post(`/api/v1/circles/${circle.id}/invites`, { valid_days: 31 }), 422, 'valid_days', 'long invite');
    expectError(await alice.post(`/api/v1/circles/${circle.id}/invites`, { valid_days: 0 }), 422, 'valid_days', 'zero-day invite');
    const afterList = expectStatus(await alice.get('/api/v1/circles'), 200, 'list');
    assert.equal(afterList.length, before.length + 1, 'only the circle made on purpose was added');
  });
});

describe('pledges', () => {
  let server, owner, members, stranger, circle;
  before(async () => {
    server = await startServer();
    owner = await signedIn(server, 'owner@example.org');
    members = [];
    for (let i = 0; i < 3; i++) members.push(await signedIn(server, `member${i}@example.org`));
    stranger = await signedIn(server, 'stranger@example.org');
    circle = await circleWith(owner, members);
  });
  after(async () => { await server.stop(); server.cleanup(); });

  it('collects signatures as a count only, activates at the threshold once, and tells every signer', async () => {
    const p = expectStatus(await owner.post(`/api/v1/circles/${circle.id}/pledges`,
      { text: 'No e-mail after 19:00', threshold: 3, boundary_type: 'no-messages-after' }), 201, 'create');
    assert.equal(p.status, 'collecting');
    assert.equal(p.signers, 0);
    const deadline = Date.parse(p.deadline) - Date.parse(p.created_at);
    assert.equal(deadline, 14 * 86400 * 1000, 'the deadline defaults to 14 days');

    let view = expectStatus(await members[0].post(`/api/v1/pledges/${p.id}/sign`), 200, 'sign 1');
    assert.deepEqual([view.status, view.signers, view.signed_by_me], ['collecting', 1, true]);
    expectError(await members[0].post(`/api/v1/pledges/${p.id}/sign`), 409, 'pledge', 'duplicate signature');
    view = expectStatus(await members[1].get(`/api/v1/pledges/${p.id}`), 200, 'read');
    assert.deepEqual([view.status, view.signers, view.signed_by_me], ['collecting', 1, false]);
    assert.ok(!('signer_names' in view) && !JSON.stringify(view).includes('member0'), 'nobody is named while collecting');

    // Withdraw while collecting, then sign again.
    view = expectStatus(await members[0].delete(`/api/v1/pledges/${p.id}/sign`), 200, 'withdraw');
    assert.equal(view.signers, 0);
    expectError(await members[0].delete(`/api/v1/pledges/${p.id}/sign`), 409, 'pledge', 'withdraw twice');
    expectStatus(await members[0].post(`/api/v1/pledges/${p.id}/sign`), 200, 'sign again');
    expectStatus(await members[1].post(`/api/v1/pledges/${p.id}/sign`), 200, 'sign 2');
    assert.equal((await notifications(members[0], 'pledge_activated')).length, 0, 'nobody is bound yet');
    view = expectStatus(await members[2].post(`/api/v1/pledges/${p.id}/sign`), 200, 'sign 3');
    assert.deepEqual([view.status, view.signers], ['active', 3]);
    assert.ok(view.activated_at);
    assert.equal(view.adherence, null);
    assert.match(view.adherence_note, /at least 5 signers/);
    for (const m of members) {
      const n = await notifications(m, 'pledge_activated');
      assert.equal(n.length, 1, 'each signer is told once');
      assert.equal(n[0].object_id, p.id);
    }
    assert.equal((await notifications(owner, 'pledge_activated')).length, 0, 'the author did not sign');
    expectError(await members[2].delete(`/api/v1/pledges/${p.id}/sign`), 409, 'pledge', 'withdraw after activation');
    // Joining an active pledge binds the newcomer at once, and only them.
    view = expectStatus(await owner.post(`/api/v1/pledges/${p.id}/sign`), 200, 'late signer');
    assert.deepEqual([view.status, view.signers], ['active', 4]);
    assert.equal((await notifications(owner, 'pledge_activated')).length, 1);
    assert.equal((await notifications(members[0], 'pledge_activated')).length, 1);
  });

  it('strangers and former members get 404 for the pledge and every action on it', async () => {
    const p = expectStatus(await owner.post(`/api/v1/circles/${circle.id}/pledges`, { text: 'Lunch away from the desk', threshold: 2 }), 201, 'create');
    for (const [method, url] of [['GET', `/api/v1/pledges/${p.id}`], ['POST', `/api/v1/pledges/${p.id}/sign`], ['DELETE', `/api/v1/pledges/${p.id}/sign`],
      ['GET', `/api/v1/circles/${circle.id}/pledges`], ['POST', `/api/v1/circles/${circle.id}/pledges`]])
      expectError(await stranger.request(method, url, { json: method === 'POST' ? { text: 'x', threshold: 2 } : undefined }), 404, null, `${method} ${url}`);
    const unauth = new Client(server.base);
    assert.equal((await unauth.get(`/api/v1/pledges/${p.id}`)).status, 401);
    const after = expectStatus(await owner.get(`/api/v1/pledges/${p.id}`), 200, 'read');
    assert.equal(after.signers, 0, "the stranger's attempts changed nothing");
  });

  it('refuses a threshold under 2, past deadlines and oversize texts, and creates nothing', async () => {
    const before = expectStatus(await owner.get(`/api/v1/circles/${circle.id}/pledges`), 200, 'list');
    const url = `/api/v1/circles/${circle.id}/pledges`;
    expectError(await owner.post(url, { text: 'x', threshold: 1 }), 422, 'threshold', 'threshold 1');
    expectError(await owner.post(url, { text: 'x', threshold: -5 }), 422, 'threshold', 'negative threshold');
    expectError(await owner.post(url, { text: 'x', threshold: 1e12 }), 422, 'threshold', 'huge threshold');
    expectError(await owner.post(url, { text: 'x', threshold: '3' }), 422, 'threshold', 'text threshold');
    expectError(await owner.post(url, { text: 'x', threshold: 2, deadline: '2001-01-01' }), 422, 'deadline', 'past deadline');
    expectError(await owner.post(url, { text: 'x', threshold: 2, deadline: '2999-01-01' }), 422, 'deadline', 'deadline beyond a year');
    expectError(await owner.post(url, { text: 'x', threshold: 2, deadline: 'soon' }), 422, 'deadline', 'unreadable deadline');
    expectError(await owner.post(url, { text: 't'.repeat(501), threshold: 2 }), 422, 'text', 'oversize text');
    expectError(await owner.post(url, { text: '', threshold: 2 }), 422, 'text', 'empty text');
    expectError(await owner.post(url, { threshold: 2 }), 422, 'text', 'missing text');
    expectError(await owner.post(url, { text: 'x', threshold: 2, boundary_type: 'be-nice' }), 422, 'boundary_type', 'unknown boundary type');
    const afterList = expectStatus(await owner.get(url), 200, 'list');
    assert.equal(afterList.length, before.length);
  });
});

// Twenty accounts sign one pledge (threshold 10) at once, alternating between two app nodes.
async function concurrentSigning(nodes) {
  const [a, b] = nodes;
  const owner = await signedIn(a, 'pledge-owner@example.org');
  const signers = [];
  for (let i = 0; i < 20; i++) {
    const node = i % 2 ? b : a;
    a.addUser(`signer${i}@example.org`);
    const c = new Client(node.base);
    expectStatus(await c.login(`signer${i}@example.org`), 200, 'login');
    signers.push(c);
  }
  const circle = await circleWith(owner, signers, 'Twenty');
  const p = expectStatus(await owner.post(`/api/v1/circles/${circle.id}/pledges`, { text: 'Offline after 19:00', threshold: 10 }), 201, 'pledge');
  const answers = await Promise.all(signers.map((c) => c.post(`/api/v1/pledges/${p.id}/sign`)));
  for (const r of answers) expectStatus(r, 200, 'concurrent signature');
  const final = expectStatus(await owner.get(`/api/v1/pledges/${p.id}`), 200, 'final');
  assert.equal(final.status, 'active');
  assert.equal(final.signers, 20);
  // The answers saw the count rise one by one, and exactly the 10th saw the activation happen.
  const counts = answers.map((r) => r.data.signers).sort((x, y) => x - y);
  assert.deepEqual(counts, Array.from({ length: 20 }, (_, i) => i + 1), 'each signature was counted once, in turn');
  let total = 0;
  for (const c of signers) {
    const mine = await notifications(c, 'pledge_activated');
    assert.equal(mine.length, 1, 'every signer is told exactly once');
    assert.equal(mine[0].object_id, p.id);
    total += mine.length;
  }
  assert.equal(total, 20);
  assert.equal((await notifications(owner, 'pledge_activated')).length, 0);
  return final;
}

describe('pledge concurrency on SQLite: two nodes on one database file', () => {
  const nodes = [];
  let dir;
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'headway-pledge-'));
    nodes.push(await startServer({ dir }));
    nodes.push(await startServer({ dir }));
  });
  after(async () => {
    for (const n of nodes) await n.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  it('20 concurrent signers, threshold 10: one activation, 20 signers, 20 notifications', async () => {
    await concurrentSigning(nodes);
  });
});

describe('pledge concurrency on PostgreSQL: two nodes', { skip: postgresSkip }, () => {
  const nodes = [];
  let db;
  before(async () => {
    requirePostgres();
    db = createDatabase('headway_pledge');
    nodes.push(await startServer({ database: db.url }));
    nodes.push(await startServer({ database: db.url }));
  });
  after(async () => {
    for (const n of nodes) await n.stop('SIGKILL');
    for (const n of nodes) rmSync(n.dir, { recursive: true, force: true });
    db?.drop();
  });
  it('20 concurrent signers, threshold 10: one activation, 20 signers, 20 notifications', async () => {
    await concurrentSigning(nodes);
  });
});

describe('grants to partners and coaches', () => {
  let server, alice, bob, carol, mallory, goal, win;
  before(async () => {
    server = await startServer();
    alice = await signedIn(server, 'alice@example.org');
    bob = await signedIn(server, 'bob@example.org');
    carol = await signedIn(server, 'carol@example.org');
    mallory = await signedIn(server, 'mallory@example.org');
    expectStatus(await alice.post('/api/v1/values', { name: 'health' }), 201, 'value');
    goal = expectStatus(await alice.post('/api/v1/goals', {
      title: 'Leave on time', wish: 'Evenings with my family', outcome: 'Calmer evenings', obstacle: 'Late calls',
      barrier: 'workplace-expectations', if: 'If it is 17:30', then: 'then I close the laptop', frequency: 'daily', values: ['health'],
    }), 201, 'goal');
    win = expectStatus(await alice.post('/api/v1/wins', { text: 'Closed the laptop at 17:30', goal_id: goal.id }), 201, 'win');
    const yesterday = new Date(Date.now() - 86400000).toISOString().slice(0, 10);
    expectStatus(await alice.put(`/api/v1/checkins/${yesterday}`, { start: '09:00', end: '17:30', stress: 2, energy: 4, note: MARK }), 201, 'checkin');
    expectStatus(await alice.post('/api/v1/reflections', { values: 7, note: MARK }), 201, 'reflection');
  });
  after(async () => { await server.stop(); server.cleanup(); });

  it('a partner sees exactly the granted scopes, never notes, sends kudos, and loses access on revocation', async () => {
    const g = expectStatus(await alice.post('/api/v1/grants', { grantee_email: 'Bob@Example.org', scopes: ['wins', 'checkin-summary'] }), 201, 'grant');
    assert.equal(g.status, 'active');
    assert.deepEqual(g.scopes, ['wins', 'checkin-summary']);
    assert.equal(g.grantee_email, 'bob@example.org');
    assert.ok(!('code' in g));
    const received = expectStatus(await bob.get('/api/v1/shared'), 200, 'shared list');
    assert.deepEqual(received.map((x) => [x.id, x.owner, x.status]), [[g.id, 'alice', 'active']]);
    assert.equal((await notifications(bob, 'grant_received')).length, 1);

    const wins = expectStatus(await bob.get(`/api/v1/shared/${g.id}/wins`), 200, 'wins');
    assert.deepEqual(wins.map((w) => w.text), ['Closed the laptop at 17:30']);
    const weeks = expectStatus(await bob.get(`/api/v1/shared/${g.id}/checkin-summary`), 200, 'summary');
    assert.equal(weeks.length, 12);
    assert.equal(weeks.reduce((n, w) => n + w.checkins, 0), 1);
    for (const body of [wins, weeks]) assert.ok(!JSON.stringify(body).includes(MARK), 'notes never leave');
    for (const scope of ['goals', 'assessments', 'conversation-plans'])
      expectError(await bob.get(`/api/v1/shared/${g.id}/${scope}`), 404, null, `ungranted ${scope}`);
    expectError(await carol.get(`/api/v1/shared/${g.id}/wins`), 404, null, "someone else's grant");

    const k = expectStatus(await bob.post(`/api/v1/shared/${g.id}/wins/${win.id}/kudos`, { emoji: '👏', message: 'Proud of you' }), 201, 'kudos');
    assert.equal(k.from, 'bob');
    const kn = await notifications(alice, 'kudos');
    assert.equal(kn.length, 1);
    assert.equal(kn[0].object_id, win.id);
    const withKudos = expectStatus(await bob.get(`/api/v1/shared/${g.id}/wins`), 200, 'wins again');
    assert.deepEqual(withKudos[0].kudos.map((x) => x.emoji), ['👏']);
    const onMine = expectStatus(await alice.get(`/api/v1/wins/${win.id}/kudos`), 200, 'kudos through the grant');
    assert.deepEqual(onMine.kudos.map((x) => [x.from, x.message, x.circle_id]), [['bob', 'Proud of you', null]]);
    expectError(await bob.get(`/api/v1/wins/${win.id}/kudos`), 404, null, 'a partner does not read the kudos list');

    // Who looked at what, and when.
    const log = expectStatus(await alice.get('/api/v1/grants/access-log'), 200, 'log');
    const seen = log.map((e) => `${e.who} ${e.scope} ${e.what}`);
    assert.ok(seen.includes('bob wins wins'), seen.join('; '));
    assert.ok(seen.includes('bob checkin-summary checkin-summary'), seen.join('; '));
    assert.ok(seen.includes(`bob wins kudos on win ${win.id}`), seen.join('; '));
    assert.ok(!seen.some((s) => s.includes('goals')), 'refused reads are not shown as reads');
    assert.equal((await bob.get('/api/v1/grants/access-log')).data.length, 0, "bob's own log is empty");

    // Revocation counts from the next request.
    expectError(await bob.delete(`/api/v1/grants/${g.id}`), 404, null, 'grantee revokes');
    assert.equal((await alice.delete(`/api/v1/grants/${g.id}`)).status, 204);
    for (const url of [`/api/v1/shared/${g.id}`, `/api/v1/shared/${g.id}/wins`, `/api/v1/shared/${g.id}/checkin-summary`])
      expectError(await bob.get(url), 404, null, `after revocation ${url}`);
    expectError(await bob.post(`/api/v1/shared/${g.id}/wins/${win.id}/kudos`, { emoji: '👏' }), 404, null, 'kudos after revocation');
    assert.equal((await notifications(bob, 'grant_revoked')).length, 1);
    const mine = expectStatus(await alice.get('/api/v1/grants'), 200, 'given');
    assert.equal(mine.find((x) => x.id === g.id).status, 'revoked');
  });

  it('an invite link is accepted once, by someone else, and shows goals', async () => {
    const g = expectStatus(await alice.post('/api/v1/grants', { scopes: ['goals'] }), 201, 'link grant');
    assert.equal(g.status, 'pending');
    assert.match(g.code, /^hwg_/);
    expectError(await alice.post('/api/v1/grants/accept', { code: g.code }), 422, 'code', 'accepting your own link');
    expectError(await carol.get(`/api/v1/shared/${g.id}/goals`), 404, null, 'before accepting');
    const accepted = expectStatus(await carol.post('/api/v1/grants/accept', { code: g.code }), 200, 'accept');
    assert.equal(accepted.status, 'active');
    expectError(await mallory.post('/api/v1/grants/accept', { code: g.code }), 404, 'code', 'a second person');
    const goals = expectStatus(await carol.get(`/api/v1/shared/${g.id}/goals`), 200, 'goals');
    assert.deepEqual(goals.map((x) => x.title), ['Leave on time']);
    expectError(await carol.get(`/api/v1/shared/${g.id}/wins`), 404, null, 'wins not granted');
  });

  it('refuses self-invites, unknown scopes, notes and past expiries, and grants nothing', async () => {
    const before = expectStatus(await alice.get('/api/v1/grants'), 200, 'given').length;
    expectError(await alice.post('/api/v1/grants', { grantee_email: 'alice@example.org', scopes: ['wins'] }), 422, 'grantee_email', 'self');
    expectError(await alice.post('/api/v1/grants', { grantee_email: 'not-an-email', scopes: ['wins'] }), 422, 'grantee_email', 'bad email');
    expectError(await alice.post('/api/v1/grants', { grantee_email: 'carol@example.org', scopes: [] }), 422, 'scopes', 'no scopes');
    expectError(await alice.post('/api/v1/grants', { grantee_email: 'carol@example.org', scopes: ['notes'] }), 422, 'scopes[0]', 'notes');
    expectError(await alice.post('/api/v1/grants', { grantee_email: 'carol@example.org', scopes: ['wins', 'journal'] }), 422, 'scopes[1]', 'journal');
    expectError(await alice.post('/api/v1/grants', { grantee_email: 'carol@example.org', scopes: ['wins', 'wins'] }), 422, 'scopes[1]', 'repeat');
    expectError(await alice.post('/api/v1/grants', { grantee_email: 'carol@example.org', scopes: 'wins' }), 422, 'scopes', 'scopes as text');
    expectError(await alice.post('/api/v1/grants', { grantee_email: 'carol@example.org', scopes: ['wins'], expires: '2001-01-01' }), 422, 'expires', 'past');
    expectError(await alice.post('/api/v1/grants', { grantee_email: 'carol@example.org', scopes: ['wins'], expires: '2999-01-01' }), 422, 'expires', 'too far');
    expectError(await alice.post('/api/v1/grants/accept', { code: 'hwg_unknown' }), 404, 'code', 'unknown code');
    assert.equal(expectStatus(await alice.get('/api/v1/grants'), 200, 'given').length, before);
  });

  it('a grant to an e-mail without an account links when that account appears', async () => {
    const g = expectStatus(await alice.post('/api/v1/grants', { grantee_email: 'dana@example.org', scopes: ['wins'] }), 201, 'grant');
    // The answer is the same whether or not the e-mail has an account: it never tells.
    const known = expectStatus(await alice.post('/api/v1/grants', { grantee_email: 'bob@example.org', scopes: ['wins'] }), 201, 'grant to an account');
    const shape = (x) => [x.status, x.grantee, x.grantee_email.replace(/^[a-z]+@/, '@'), x.invite_link];
    assert.deepEqual(shape(g), shape(known));
    assert.deepEqual(shape(g), ['active', null, '@example.org', false]);
    assert.equal((await alice.delete(`/api/v1/grants/${known.id}`)).status, 204);
    const dana = await signedIn(server, 'dana@example.org');
    const received = expectStatus(await dana.get('/api/v1/shared'), 200, 'shared');
    assert.deepEqual(received.map((x) => [x.id, x.status]), [[g.id, 'active']]);
    expectStatus(await dana.get(`/api/v1/shared/${g.id}/wins`), 200, 'wins');
  });
});

describe('support network and conversation plans', () => {
  let server, ana, coach, stranger, goal;
  before(async () => {
    server = await startServer();
    ana = await signedIn(server, 'ana@example.org');
    coach = await signedIn(server, 'coach@example.org');
    stranger = await signedIn(server, 'stranger@example.org');
    expectStatus(await ana.post('/api/v1/values', { name: 'family' }), 201, 'value');
    goal = expectStatus(await ana.post('/api/v1/goals', {
      title: 'Leave on time', wish: 'Evenings with my family', outcome: 'Calm evenings', obstacle: 'Calls after 18:00',
      barrier: 'workplace-expectations', if: 'If it is 17:30', then: 'then I close the laptop', values: ['family'],
    }), 201, 'goal');
    expectStatus(await ana.post('/api/v1/boundaries', { type: 'work-window', days: 'Mon-Fri', from: '09:00', to: '17:30' }), 201, 'boundary');
  });
  after(async () => { await server.stop(); server.cleanup(); });

  it('lists supporters and says where support is thin for the top barrier', async () => {
    let net = expectStatus(await ana.get('/api/v1/supporters'), 200, 'empty network');
    assert.deepEqual(net.gaps.map((g) => g.code), ['empty']);
    assert.equal(net.top_barrier, 'workplace-expectations', 'from the goals when there is no barrier profile');
    const friend = expectStatus(await ana.post('/api/v1/supporters', { name: 'Mia', relation: 'friend', kinds: ['emotional'] }), 201, 'friend');
    net = expectStatus(await ana.get('/api/v1/supporters'), 200, 'network');
    assert.ok(net.gaps.some((g) => g.code === 'no-practical-for-barrier' && /Workplace expectations/.test(g.message)), JSON.stringify(net.gaps));
    const ally = expectStatus(await ana.post('/api/v1/supporters',
      { name: 'Jo', relation: 'colleague', kinds: ['practical', 'shared-values'], account_email: 'coach@example.org' }), 201, 'colleague');
    assert.equal(ally.linked, true);
    net = expectStatus(await ana.get('/api/v1/supporters'), 200, 'network');
    assert.ok(!net.gaps.some((g) => g.code === 'no-practical-for-barrier'), JSON.stringify(net.gaps));
    assert.deepEqual(net.supporters.map((s) => [s.name, s.relation, s.kinds]), [['Mia', 'friend', ['emotional']], ['Jo', 'colleague', ['practical', 'shared-values']]]);

    // Bad input names the field and changes nothing; strangers reach nothing.
    expectError(await ana.post('/api/v1/supporters', { name: 'X', relation: 'boss', kinds: ['practical'] }), 422, 'relation', 'relation');
    expectError(await ana.post('/api/v1/supporters', { name: 'X', relation: 'friend', kinds: [] }), 422, 'kinds', 'no kinds');
    expectError(await ana.post('/api/v1/supporters', { name: 'X', relation: 'friend', kinds: ['money'] }), 422, 'kinds[0]', 'unknown kind');
    expectError(await ana.post('/api/v1/supporters', { name: '', relation: 'friend', kinds: ['emotional'] }), 422, 'name', 'empty name');
    expectError(await ana.post('/api/v1/supporters', { name: 'Me', relation: 'friend', kinds: ['emotional'], account_email: 'ana@example.org' }), 422, 'account_email', 'self');
    expectError(await stranger.put(`/api/v1/supporters/${friend.id}`, { name: 'Hacked', relation: 'family', kinds: ['emotional'] }), 404, null, 'stranger edits');
    expectError(await stranger.delete(`/api/v1/supporters/${friend.id}`), 404, null, 'stranger deletes');
    assert.equal(expectStatus(await ana.get('/api/v1/supporters'), 200, 'after').supporters.length, 2);
    const edited = expectStatus(await ana.put(`/api/v1/supporters/${friend.id}`, { name: 'Mia R.', relation: 'family', kinds: ['emotional', 'practical'] }), 200, 'edit');
    assert.equal(edited.relation, 'family');
    // An edit without account_email keeps the link; an empty one removes it.
    const kept = expectStatus(await ana.put(`/api/v1/supporters/${ally.id}`, { name: 'Jo B.', relation: 'colleague', kinds: ['practical'] }), 200, 'edit linked');
    assert.equal(kept.linked, true, 'the link stays');
    const unlinked = expectStatus(await ana.put(`/api/v1/supporters/${ally.id}`, { name: 'Jo B.', relation: 'colleague', kinds: ['practical'], account_email: '' }), 200, 'unlink');
    assert.equal(unlinked.linked, false, 'an empty e-mail removes the link');
    assert.equal((await ana.delete(`/api/v1/supporters/${friend.id}`)).status, 204);
  });

  it('seeds a plan from the goal and the evidence, exports it, and a coach with the scope comments', async () => {
    // Three evenings with a meeting at 19:00 UTC in the last week (the account's zone is UTC).
    const day = (n) => new Date(Date.now() - n * 86400000).toISOString().slice(0, 10).replaceAll('-', '');
    const events = [1, 2, 3].map((n) => ['BEGIN:VEVENT', `UID:late-${n}@test`, `DTSTART:${day(n)}T190000Z`, `DTEND:${day(n)}T200000Z`,
      'ATTENDEE;PARTSTAT=ACCEPTED:mailto:lead@example.org', 'ATTENDEE;PARTSTAT=ACCEPTED:mailto:ana@example.org', 'END:VEVENT'].join('\r\n'));
    const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...events, 'END:VCALENDAR', ''].join('\r\n');
    expectStatus(await ana.request('POST', '/api/v1/imports/calendar', { body: ics, headers: { 'content-type': 'text/calendar' } }), 201, 'calendar');
    const plan = expectStatus(await ana.post('/api/v1/conversation-plans', { goal_id: goal.id }), 201, 'plan');
    assert.ok(plan.title.length > 0);
    assert.match(plan.situation, /after my working hours on 3 days/, plan.situation);
    assert.ok(plan.objections.length >= 2);
    expectError(await ana.post('/api/v1/conversation-plans', { goal_id: goal.id + 999 }), 404, 'goal_id', 'unknown goal');

    const text = { title: 'Ending my day at 17:30 <script>alert(1)</script>', situation: plan.situation, need: 'Evenings with my family',
      proposal: 'Offline from 17:30', trial_period: '4 weeks', offer: 'An end-of-day update', fallback: 'Two late days',
      objections: ['Clients expect answers'], answers: ['An on-call rota'] };
    expectError(await ana.put(`/api/v1/conversation-plans/${plan.id}`, { ...text, answers: [] }), 422, 'answers', 'answers do not match');
    expectError(await ana.put(`/api/v1/conversation-plans/${plan.id}`, { ...text, situation: 's'.repeat(4001) }), 422, 'situation', 'long');
    expectError(await ana.put(`/api/v1/conversation-plans/${plan.id}`, { ...text, title: '' }), 422, 'title', 'no title');
    const saved = expectStatus(await ana.put(`/api/v1/conversation-plans/${plan.id}`, text), 200, 'save');
    assert.deepEqual(saved.objections, [{ objection: 'Clients expect answers', answer: 'An on-call rota' }]);

    const html = await ana.get(`/api/v1/conversation-plans/${plan.id}/document.html`);
    assert.equal(html.status, 200);
    assert.match(html.headers.get('content-type'), /^text\/html/);
    assert.match(html.headers.get('content-security-policy'), /script-src 'none'|default-src 'none'/);
    assert.ok(!html.text.includes('<script>alert(1)</script>') && html.text.includes('&lt;script&gt;'), 'text is escaped');
    const pdf = await fetch(`${server.base}/api/v1/conversation-plans/${plan.id}/document.pdf`, { headers: { cookie: ana.cookie } });
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    assert.equal(bytes.subarray(0, 8).toString('latin1'), '%PDF-1.4');
    assert.equal((bytes.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length, 1, 'one page');

    for (const [method, url] of [['GET', `/api/v1/conversation-plans/${plan.id}`], ['PUT', `/api/v1/conversation-plans/${plan.id}`],
      ['DELETE', `/api/v1/conversation-plans/${plan.id}`], ['GET', `/api/v1/conversation-plans/${plan.id}/document.html`],
      ['GET', `/api/v1/conversation-plans/${plan.id}/document.pdf`]])
      expectError(await stranger.request(method, url, { json: method === 'PUT' ? text : undefined }), 404, null, `stranger ${method} ${url}`);

    // A coach with the conversation-plans scope reads and comments; one without it cannot.
    const wins = expectStatus(await ana.post('/api/v1/grants', { grantee_email: 'stranger@example.org', scopes: ['wins'] }), 201, 'wins grant');
    expectError(await stranger.get(`/api/v1/shared/${wins.id}/conversation-plans`), 404, null, 'no plans scope');
    expectError(await stranger.post(`/api/v1/shared/${wins.id}/conversation-plans/${plan.id}/comments`, { text: 'hi' }), 404, null, 'no plans scope');
    const g = expectStatus(await ana.post('/api/v1/grants', { grantee_email: 'coach@example.org', scopes: ['conversation-plans'] }), 201, 'grant');
    const plans = expectStatus(await coach.get(`/api/v1/shared/${g.id}/conversation-plans`), 200, 'coach reads');
    assert.deepEqual(plans.map((p) => p.title), [text.title]);
    expectError(await coach.post(`/api/v1/shared/${g.id}/conversation-plans/${plan.id}/comments`, { text: ' ' }), 422, 'text', 'blank');
    expectStatus(await coach.post(`/api/v1/shared/${g.id}/conversation-plans/${plan.id}/comments`, { text: 'Lead with the evidence.' }), 201, 'comment');
    const mine = expectStatus(await ana.get(`/api/v1/conversation-plans/${plan.id}`), 200, 'plan with comment');
    assert.deepEqual(mine.comments.map((c) => [c.author, c.text]), [['coach', 'Lead with the evidence.']]);
    const listed = expectStatus(await ana.get('/api/v1/conversation-plans'), 200, 'plans list');
    assert.deepEqual(listed.map((p) => [p.id, p.comments.map((c) => c.text)]), [[plan.id, ['Lead with the evidence.']]], 'the list carries the comments');
    assert.equal((await notifications(ana, 'plan_comment')).length, 1);
    assert.equal((await ana.delete(`/api/v1/conversation-plans/${plan.id}`)).status, 204);
    assert.deepEqual(expectStatus(await coach.get(`/api/v1/shared/${g.id}/conversation-plans`), 200, 'after deletion'), [], 'a deleted plan is gone for the coach too');
  });
});
