// The calendar feed through the API: a secret URL that serves an .ics without a session, a new
// link that stops the old one at once, turning it off, other people and guessed tokens, and the
// token kept out of the access log and the metrics.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { Client, signedIn, startServer } from './lib/server.mjs';

const NOW = '2026-11-25T18:00:00Z';
const NOTE = 'PRIVATE-NOTE-51c2';

let server, alex, kim;

// The content lines of an iCalendar text, unfolded (RFC 5545 3.1).
function unfold(text) {
  return text.replace(/\r\n[ \t]/g, '').split('\r\n').filter((l) => l !== '');
}

// The components of one kind ("VEVENT") as arrays of their lines.
function components(lines, name) {
  const out = [];
  let current = null;
  for (const l of lines) {
    if (l === `BEGIN:${name}`) current = [];
    else if (l === `END:${name}` && current) { out.push(current); current = null; } else if (current) current.push(l);
  }
  return out;
}

async function fetchFeed(path, init = {}) {
  const res = await fetch(server.base + path, { redirect: 'manual', ...init });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

before(async () => {
  server = await startServer({ env: { HEADWAY_NOW: NOW } });
  alex = await signedIn(server, 'alex@example.org');
  kim = await signedIn(server, 'kim@example.org');
  const me = await alex.patch('/api/v1/me', { timezone: 'Europe/Berlin', work_hours: 'Mon-Fri 09:00-17:30' });
  assert.equal(me.status, 200, me.text);
  for (const b of [
    { type: 'work-window', days: 'Mon-Fri', from: '09:00', to: '17:30' },
    { type: 'no-weekend-work' },
    { type: 'meeting-free', days: 'Fri', from: '13:00', to: '17:00' },
    { type: 'no-messages-after', time: '19:00' },
    { type: 'min-break', minutes: 30 },
    { type: 'weekly-hours-cap', hours: 40 },
  ]) {
    const r = await alex.post('/api/v1/boundaries', b);
    assert.equal(r.status, 201, `${b.type}: ${r.text}`);
  }
  const checkin = await alex.put('/api/v1/checkins/2026-11-25', { start: '09:00', end: '17:00', stress: 3, energy: 3, note: NOTE });
  assert.ok([200, 201].includes(checkin.status), checkin.text);
});
after(async () => { await server.stop(); server.cleanup(); });

describe('the calendar feed', () => {
  let first;

  test('without a feed, GET says so and DELETE and PATCH answer 404', async () => {
    const r = await alex.get('/api/v1/calendar-feed');
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.data, { exists: false });
    assert.equal((await alex.delete('/api/v1/calendar-feed')).status, 404);
    assert.equal((await alex.patch('/api/v1/calendar-feed', { reminder: '18:00' })).status, 404);
  });

  test('a bad reminder time is refused with its field and makes no feed', async () => {
    for (const reminder of ['24:00', '6pm', '', 1830]) {
      const r = await alex.post('/api/v1/calendar-feed', { reminder });
      assert.equal(r.status, 422, `${reminder}: ${r.text}`);
      assert.equal(r.data.error.field, 'reminder');
    }
    const unknown = await alex.post('/api/v1/calendar-feed', { remind: '18:00' });
    assert.equal(unknown.status, 422, unknown.text);
    assert.equal(unknown.data.error.field, 'remind');
    assert.deepEqual((await alex.get('/api/v1/calendar-feed')).data, { exists: false });
  });

  test('POST makes it once; the .ics is served without a cookie and holds the blocks and the reminder', async () => {
    const r = await alex.post('/api/v1/calendar-feed', { reminder: '18:15' });
    assert.equal(r.status, 201, r.text);
    first = r.data;
    assert.match(first.token, /^hwf_[A-Za-z0-9_-]{43}$/);
    assert.equal(first.path, `/feed/${first.token}.ics`);
    assert.equal(first.url, `${server.base}${first.path}`, 'built from the Host the request used');
    assert.equal(first.reminder, '18:15');
    assert.equal(first.created_at, NOW);

    const shown = await alex.get('/api/v1/calendar-feed');
    assert.deepEqual(shown.data, { exists: true, created_at: NOW, reminder: '18:15' });
    assert.ok(!shown.text.includes(first.token), 'the token is never shown again');

    const ics = await fetchFeed(first.path);
    assert.equal(ics.status, 200, ics.text);
    assert.equal(ics.headers.get('content-type'), 'text/calendar; charset=utf-8');
    assert.equal(ics.headers.get('cache-control'), 'private, max-age=300');
    const lines = unfold(ics.text);
    assert.equal(lines[0], 'BEGIN:VCALENDAR');
    assert.equal(lines.at(-1), 'END:VCALENDAR');
    assert.ok(ics.text.endsWith('\r\n'));
    const events = components(lines, 'VEVENT');
    // Five boundaries that block time (the weekly cap blocks nothing) and the reminder.
    assert.equal(events.length, 6, ics.text);
    const summaries = events.map((e) => e.find((l) => l.startsWith('SUMMARY:'))).sort();
    assert.deepEqual(summaries, ['SUMMARY:Break', 'SUMMARY:Check in with Headway', 'SUMMARY:Protected: no meetings',
      'SUMMARY:Protected: no messages', 'SUMMARY:Protected: off work', 'SUMMARY:Protected: weekend']);
    const reminder = events.find((e) => e.includes('SUMMARY:Check in with Headway'));
    assert.ok(reminder.includes('DTSTART;TZID=Europe/Berlin:20261125T181500'), reminder.join('\n'));
    assert.ok(reminder.includes('RRULE:FREQ=DAILY'));
    assert.equal(components(reminder, 'VALARM').length, 1);
    assert.ok(components(reminder, 'VALARM')[0].includes('ACTION:DISPLAY'));
    assert.equal(components(lines, 'VTIMEZONE').length, 1);
    assert.ok(!ics.text.includes(NOTE), 'check-in notes never go into the feed');
    assert.ok(!ics.text.includes('alex@example.org'), 'nor the e-mail address');

    const head = await fetchFeed(first.path, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('content-type'), 'text/calendar; charset=utf-8');
    assert.equal(head.text, '');
  });

  test('PATCH sets the reminder, and the feed follows at once', async () => {
    const bad = await alex.patch('/api/v1/calendar-feed', { reminder: '7:5' });
    assert.equal(bad.status, 422, bad.text);
    assert.equal(bad.data.error.field, 'reminder');
    const missing = await alex.patch('/api/v1/calendar-feed', {});
    assert.equal(missing.status, 422, missing.text);
    const r = await alex.patch('/api/v1/calendar-feed', { reminder: '17:45' });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.data, { exists: true, created_at: NOW, reminder: '17:45' });
    assert.ok((await fetchFeed(first.path)).text.includes('DTSTART;TZID=Europe/Berlin:20261125T174500'));
  });

  test("another person's session and token cannot see, change or turn off the feed", async () => {
    assert.deepEqual((await kim.get('/api/v1/calendar-feed')).data, { exists: false });
    assert.equal((await kim.delete('/api/v1/calendar-feed')).status, 404);
    assert.equal((await kim.patch('/api/v1/calendar-feed', { reminder: '06:00' })).status, 404);
    const t = await kim.post('/api/v1/tokens', { name: 'script', scope: 'read-write' });
    const viaToken = new Client(server.base, { origin: null });
    viaToken.token = t.data.token;
    assert.deepEqual((await viaToken.get('/api/v1/calendar-feed')).data, { exists: false });
    assert.equal((await viaToken.delete('/api/v1/calendar-feed')).status, 404);
    assert.equal((await fetchFeed(first.path)).status, 200, "Alex's feed still works");
    assert.equal((await alex.get('/api/v1/calendar-feed')).data.reminder, '17:45');
  });

  test('a read-only API token may look but not make a feed', async () => {
    const t = await alex.post('/api/v1/tokens', { name: 'reader', scope: 'read' });
    const reader = new Client(server.base, { origin: null });
    reader.token = t.data.token;
    assert.equal((await reader.get('/api/v1/calendar-feed')).data.exists, true);
    assert.equal((await reader.post('/api/v1/calendar-feed', {})).status, 403);
    assert.equal((await reader.delete('/api/v1/calendar-feed')).status, 403);
  });

  test('guessed and malformed tokens get 404, like a revoked one', async () => {
    const stranger = `hwf_${Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url')}`;
    for (const path of [`/feed/${stranger}.ics`, `/feed/${first.token}x.ics`, `/feed/${first.token.slice(4)}.ics`,
      `/feed/${encodeURIComponent("' OR 1=1 --")}.ics`, `/feed/${'A'.repeat(5000)}.ics`]) {
      const r = await fetchFeed(path);
      assert.equal(r.status, 404, `${path}: ${r.text}`);
      assert.match(r.text, /"not_found"/);
      assert.ok(!r.text.includes('BEGIN:VCALENDAR'));
    }
    // Paths the feed route does not match are no feed either (the web UI may answer them).
    for (const path of [`/feed/${first.token}`, '/feed/.ics', `/feed/${first.token}.ics/`]) {
      const r = await fetchFeed(path);
      assert.ok(!r.text.includes('BEGIN:VCALENDAR'), `${path} served a calendar`);
      assert.notEqual(r.headers.get('content-type'), 'text/calendar; charset=utf-8', path);
    }
  });

  test('a new link replaces the old one at once and keeps the reminder; turning it off stops it', async () => {
    const r = await alex.post('/api/v1/calendar-feed', {});
    assert.equal(r.status, 201, r.text);
    const second = r.data;
    assert.notEqual(second.token, first.token);
    assert.equal(second.reminder, '17:45');
    assert.equal((await fetchFeed(first.path)).status, 404, 'the old URL is dead');
    assert.equal((await fetchFeed(second.path)).status, 200);

    const off = await alex.delete('/api/v1/calendar-feed');
    assert.equal(off.status, 204, off.text);
    assert.equal((await fetchFeed(second.path)).status, 404);
    assert.deepEqual((await alex.get('/api/v1/calendar-feed')).data, { exists: false });
    assert.equal((await alex.delete('/api/v1/calendar-feed')).status, 404);
  });

  test('with --public-url the URL starts with it', async () => {
    const other = await startServer({ env: { HEADWAY_NOW: NOW }, args: ['--public-url', 'https://headway.example.org/'] });
    try {
      // Behind TLS the cookie is __Host-, so this client signs in over the loopback and sends that.
      other.addUser('pat@example.org');
      const c = new Client(other.base, { origin: 'https://headway.example.org' });
      const login = await c.login('pat@example.org');
      assert.equal(login.status, 200, login.text);
      const r = await c.post('/api/v1/calendar-feed', {});
      assert.equal(r.status, 201, r.text);
      assert.equal(r.data.url, `https://headway.example.org/feed/${r.data.token}.ics`);
      assert.equal((await fetch(other.base + r.data.path)).status, 200);
    } finally {
      await other.stop();
      other.cleanup();
    }
  });

  test('the token never reaches the access log or the metrics', async () => {
    const made = (await alex.post('/api/v1/calendar-feed', {})).data;
    assert.equal((await fetchFeed(made.path)).status, 200);
    assert.equal((await fetchFeed(`/feed/hwf_${'Z'.repeat(43)}.ics`)).status, 404);
    const metrics = await (await fetch(`${server.base}/metrics`)).text();
    assert.match(metrics, /route="\/feed\/\{token\}\.ics"/);
    await alex.delete('/api/v1/calendar-feed');
    const log = server.stderr;
    assert.match(log, /"route":"\/feed\/\{token\}\.ics"/, 'the access log names the route');
    for (const secret of [first.token, made.token, 'Z'.repeat(43)]) {
      assert.ok(!log.includes(secret), 'a token is in the log');
      assert.ok(!metrics.includes(secret), 'a token is in the metrics');
    }
    assert.ok(!log.includes(first.token.slice(4, 20)));
  });
});
