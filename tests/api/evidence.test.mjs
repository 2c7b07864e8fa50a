// Evidence through the API: calendar and activity uploads, idempotent re-imports, daily signals,
// boundaries checked against an imported calendar, and the limits and refusals of uploads.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { Client, signedIn, startServer } from './lib/server.mjs';

const DATA = path.resolve('tests/data');
const WEEK = readFileSync(path.join(DATA, 'evidence/week.ics'));
const GOLDEN = JSON.parse(readFileSync(path.join(DATA, 'evidence/signals-week.json'), 'utf8'));
const NOW = '2026-11-25T18:00:00Z';

let server, alex, kim;

async function upload(c, what, body, { query = '', type = 'text/calendar' } = {}) {
  return c.request('POST', `/api/v1/imports/${what}${query}`, { body, headers: { 'content-type': type } });
}

before(async () => {
  server = await startServer({ env: { HEADWAY_NOW: NOW } });
  alex = await signedIn(server, 'alex@example.org');
  kim = await signedIn(server, 'kim@example.org');
  for (const c of [alex, kim]) {
    const r = await c.patch('/api/v1/me', { timezone: 'Europe/Berlin', work_hours: 'Mon-Fri 09:00-17:30' });
    assert.equal(r.status, 200, r.text);
  }
});
after(async () => { await server.stop(); server.cleanup(); });

describe('calendar uploads', () => {
  test('an .ics upload is stored; the same file again changes nothing; signals match the hand-worked week', async () => {
    const first = await upload(alex, 'calendar', WEEK, { query: '?source=work' });
    assert.equal(first.status, 201, first.text);
    assert.equal(first.data.source.name, 'work');
    assert.equal(first.data.source.kind, 'calendar');
    assert.ok(first.data.occurrences > 0);
    assert.equal(first.data.added, first.data.occurrences);
    assert.deepEqual([first.data.changed, first.data.removed, first.data.unchanged], [0, 0, 0]);

    const again = await upload(alex, 'calendar', WEEK, { query: '?source=work' });
    assert.equal(again.status, 201, again.text);
    assert.deepEqual([again.data.added, again.data.changed, again.data.removed, again.data.unchanged],
      [0, 0, 0, first.data.occurrences]);

    const sources = await alex.get('/api/v1/imports');
    assert.deepEqual(sources.data.map((s) => [s.kind, s.name, s.items]), [['calendar', 'work', first.data.occurrences]]);

    const signals = await alex.get('/api/v1/signals?from=2026-11-16&to=2026-11-22');
    assert.equal(signals.status, 200, signals.text);
    // The API adds the coverage flags to the nine names of `headway signals`: the calendar covers the week.
    assert.deepEqual(signals.data, GOLDEN.map((d) => ({ ...d, has_calendar: true, has_activity: false })));
  });

  test("an after-hours call in the calendar breaks a work-window boundary on that day", async () => {
    const b = await alex.post('/api/v1/boundaries', { type: 'work-window', days: 'Mon-Fri', from: '09:00', to: '17:30' });
    assert.equal(b.status, 201, b.text);
    const check = await alex.get('/api/v1/boundaries/check?date=2026-11-17');
    const mine = check.data.find((e) => e.boundary_id === b.data.id);
    assert.equal(mine.status, 'broken', JSON.stringify(mine));
    assert.match(mine.evidence, /19:00/);
  });

  test("another person's uploads, sources and signals stay theirs", async () => {
    assert.deepEqual((await kim.get('/api/v1/imports')).data, []);
    const signals = await kim.get('/api/v1/signals?from=2026-11-16&to=2026-11-22');
    assert.ok(signals.data.every((d) => d.work_minutes === 0 && d.meeting_minutes === 0), signals.text);
    assert.ok(signals.data.every((d) => !d.has_calendar && !d.has_activity), 'nothing covers Kim\'s days');
    const remove = await kim.request('DELETE', '/api/v1/imports/calendar/work');
    assert.equal(remove.status, 404, remove.text);
    assert.equal((await alex.get('/api/v1/imports')).data.length, 1, "Kim's DELETE left Alex's source alone");
  });

  test('a broken file is refused with its line, and nothing is stored', async () => {
    const before = (await alex.get('/api/v1/imports')).data;
    const bad = readFileSync(path.join(DATA, 'ics/invalid/mixed_invalid.ics'));
    const r = await upload(alex, 'calendar', bad, { query: '?source=work' });
    assert.equal(r.status, 422, r.text);
    assert.match(r.data.error.field, /^line \d+$/);
    assert.deepEqual((await alex.get('/api/v1/imports')).data, before);
    const skipped = await upload(alex, 'calendar', bad, { query: '?source=odd&skip_invalid=true' });
    assert.equal(skipped.status, 201, skipped.text);
    assert.equal(skipped.data.skipped.length, 2);
    assert.ok(skipped.data.skipped.every((s) => s.line > 0 && s.reason));
    assert.equal((await alex.request('DELETE', '/api/v1/imports/calendar/odd')).status, 204);
  });

  test('the wrong media type, an empty body, bad flags and a body over the upload limit are refused', async () => {
    const json = await upload(alex, 'calendar', '{"a":1}', { type: 'application/json' });
    assert.equal(json.status, 415, json.text);
    assert.match(json.data.error.message, /text\/calendar/);
    const empty = await upload(alex, 'calendar', '', {});
    assert.equal(empty.status, 422, empty.text);
    const flag = await upload(alex, 'calendar', WEEK, { query: '?keep_titles=maybe' });
    assert.equal(flag.status, 422);
    assert.equal(flag.data.error.field, 'keep_titles');
    const long = await upload(alex, 'calendar', WEEK, { query: `?source=${'x'.repeat(101)}` });
    assert.equal(long.status, 422);
    assert.equal(long.data.error.field, 'source');
    // Over 1 MiB is fine for an upload; over the 32 MiB upload limit is not.
    const big = Buffer.alloc(33 * 1024 * 1024, 'A');
    const tooBig = await upload(alex, 'calendar', big, {}).catch((e) => ({ status: 'connection closed', text: String(e) }));
    assert.equal(tooBig.status, 413, tooBig.text);
    const anon = await new Client(server.base).request('POST', '/api/v1/imports/calendar', { body: WEEK, headers: { 'content-type': 'text/calendar' } });
    assert.equal(anon.status, 401, 'a stranger learns nothing but 401');
  });
});

describe('activity uploads', () => {
  test('ActivityWatch and Timewarrior exports become activity sources', async () => {
    const aw = await upload(alex, 'activitywatch', readFileSync(path.join(DATA, 'activitywatch/export.json')), { type: 'application/json' });
    assert.equal(aw.status, 201, aw.text);
    assert.equal(aw.data.source.kind, 'activity');
    assert.equal(aw.data.source.name, 'activitywatch');
    assert.ok(aw.data.spans > 0);
    const tw = await upload(alex, 'timewarrior', readFileSync(path.join(DATA, 'timewarrior/export.json')),
      { query: '?source=laptop', type: 'application/json' });
    assert.equal(tw.status, 201, tw.text);
    const names = (await alex.get('/api/v1/imports')).data.map((s) => `${s.kind}/${s.name}`).sort();
    assert.deepEqual(names, ['activity/activitywatch', 'activity/laptop', 'calendar/work']);
    const truncated = await upload(alex, 'activitywatch', readFileSync(path.join(DATA, 'activitywatch/truncated.json')),
      { query: '?source=broken', type: 'application/json' });
    assert.equal(truncated.status >= 400 && truncated.status < 500, true, truncated.text);
    assert.ok(!(await alex.get('/api/v1/imports')).data.some((s) => s.name === 'broken'));
  });
});
