// Crash durability of `headway serve`: six clients on three accounts write check-ins and wins
// concurrently, the server is killed with SIGKILL in the middle of it, and after a restart on the
// same store every acknowledged write is there exactly as acknowledged, and nothing half-written is.
// Runs on SQLite and on PostgreSQL (HEADWAY_TEST_POSTGRES_URL).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { Client, startServer } from './lib/server.mjs';
import { createDatabase, postgresSkip, requirePostgres } from './lib/postgres.mjs';

const ACCOUNTS = 3;
const CLIENTS_PER_ACCOUNT = 2;
const DATES_PER_CLIENT = 8;    // each client cycles over its own dates, so most writes overwrite
const TARGET_ACKS = 300;       // kill after this many acknowledged writes ...
const MAX_WRITE_MS = 1500;     // ... or after this long, whichever comes first
const WIN_TEXT = /^client-(\d+)-seq-(\d+)$/;

const DAY_MS = 86400000;
const isoDay = (daysAgo) => new Date(Date.now() - daysAgo * DAY_MS).toISOString().slice(0, 10);
const hhmm = (minutes) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const ok = (status) => status >= 200 && status < 300;

// Every field derives from client and sequence number, so a stored row that mixes two writes shows.
function checkinBody(client, seq) {
  return {
    start: hhmm(6 * 60 + ((seq * 7) % 180)),
    end: hhmm(15 * 60 + ((seq * 11 + client) % 240)),
    stress: 1 + (seq % 5),
    energy: 1 + ((seq + client) % 5),
    note: `client-${client}-seq-${seq} · Überstunden ☕`,
  };
}

// One simulated browser: a session, its own dates, and a log of everything it sent.
function makeWriter(index, base) {
  const slot = index % CLIENTS_PER_ACCOUNT;
  return {
    index,
    account: Math.floor(index / CLIENTS_PER_ACCOUNT),
    email: `durable${Math.floor(index / CLIENTS_PER_ACCOUNT)}@example.org`,
    client: new Client(base),
    // Dates back from yesterday; the two clients of an account never share one, so the order of
    // one client's sequential writes is the order they were applied in.
    dates: Array.from({ length: DATES_PER_CLIENT }, (_, i) => isoDay(1 + slot + CLIENTS_PER_ACCOUNT * i)),
    seq: 0,
    checkins: [],  // { seq, date, body, status?, ack?, error? } in send order
    wins: [],      // { seq, text, status?, ack?, error? }
  };
}

// Sends one request and records its outcome on `entry`.
async function send(run, entry, request) {
  run.inFlight++;
  try {
    const r = await request();
    entry.status = r.status;
    if (ok(r.status)) {
      entry.ack = r.data;
      if (++run.acks >= TARGET_ACKS) run.kill('acks');
    } else if (!run.killed) {
      run.failures.push(`${entry.date ?? 'win'} ${entry.seq}: ${r.status} ${r.text}`);
    }
  } catch (e) {
    entry.error = e.cause?.code ?? e.message;
    if (!run.killed) run.failures.push(`${entry.date ?? 'win'} ${entry.seq}: ${entry.error}`);
  } finally {
    run.inFlight--;
  }
}

async function checkinLoop(run, w) {
  for (let i = 0; !run.killed; i++) {
    const seq = w.seq++;
    const entry = { seq, date: w.dates[i % w.dates.length], body: checkinBody(w.index, seq) };
    w.checkins.push(entry);
    await send(run, entry, () => w.client.put(`/api/v1/checkins/${entry.date}`, entry.body));
  }
}

async function winLoop(run, w) {
  while (!run.killed) {
    const seq = w.seq++;
    const entry = { seq, text: `client-${w.index}-seq-${seq}` };
    w.wins.push(entry);
    await send(run, entry, () => w.client.post('/api/v1/wins', { text: entry.text, size: 'small' }));
  }
}

// The fields a check-in's acknowledgement and its stored copy share.
const CHECKIN_FIELDS = ['date', 'off', 'start', 'end', 'worked_minutes', 'after_hours', 'break', 'stress', 'energy',
  'progress', 'setback', 'note', 'updated_at'];
const pick = (o, keys) => Object.fromEntries(keys.map((k) => [k, o[k]]));

async function crashAndVerify(t, storeOptions, dropStore = () => {}) {
  let first = null, second = null;
  t.after(async () => {
    if (first) await first.stop('SIGKILL');
    if (second) await second.stop('SIGKILL');
    if (first) rmSync(first.dir, { recursive: true, force: true });
    dropStore();
  });
  first = await startServer(storeOptions);
  for (let a = 0; a < ACCOUNTS; a++) first.addUser(`durable${a}@example.org`);
  const writers = Array.from({ length: ACCOUNTS * CLIENTS_PER_ACCOUNT }, (_, i) => makeWriter(i, first.base));
  for (const w of writers) {
    const r = await w.client.login(w.email);
    assert.equal(r.status, 200, `login of client ${w.index}: ${r.text}`);
  }

  // Write concurrently until the kill; the kill happens inside a response callback, so the
  // other workers' requests are on the wire at that moment.
  const run = {
    acks: 0, inFlight: 0, killed: false, inFlightAtKill: 0, reason: '', failures: [],
    kill(reason) {
      if (this.killed) return;
      this.killed = true;
      this.reason = reason;
      this.inFlightAtKill = this.inFlight - (reason === 'acks' ? 1 : 0);  // minus the one just answered
      first.child.kill('SIGKILL');
    },
  };
  const exited = once(first.child, 'exit');
  const timer = setTimeout(() => run.kill('time'), MAX_WRITE_MS);
  const started = Date.now();
  await Promise.all(writers.flatMap((w) => [checkinLoop(run, w), winLoop(run, w)]));
  clearTimeout(timer);
  const [, signal] = await exited;
  assert.equal(signal, 'SIGKILL', 'the server was killed, not stopped');
  t.diagnostic(`${run.acks} writes acknowledged in ${Date.now() - started} ms; killed by ${run.reason} ` +
    `with ${run.inFlightAtKill} requests in flight`);
  assert.deepEqual(run.failures, [], 'every write before the kill succeeded');
  assert.ok(run.acks >= 50, `the server acknowledged only ${run.acks} writes before the kill`);
  assert.ok(run.inFlightAtKill > 0, 'requests were in flight when the server was killed');

  // Restart on the same store: SQLite data directory or PostgreSQL database.
  second = await startServer({ ...storeOptions, dir: first.dir });
  const ready = await fetch(second.base + '/readyz');
  assert.equal(ready.status, 200, 'the restarted server is ready');

  let unackedPresent = 0;
  for (let a = 0; a < ACCOUNTS; a++) {
    const mine = writers.filter((w) => w.account === a);
    const reader = new Client(second.base);
    const login = await reader.login(mine[0].email);
    assert.equal(login.status, 200, `login after the restart: ${login.text}`);

    // Sessions are stored writes too: the old cookies still work.
    for (const w of mine) {
      const old = new Client(second.base);
      old.cookie = w.client.cookie;
      assert.equal((await old.get('/api/v1/me')).status, 200, `client ${w.index}'s session survived the crash`);
    }

    // Check-ins: for each date the last acknowledged write, or a write sent after it whose answer
    // the crash swallowed; with nothing acknowledged, nothing or one of the writes sent.
    const listed = await reader.get(`/api/v1/checkins?from=${isoDay(60)}&to=${isoDay(0)}`);
    assert.equal(listed.status, 200, listed.text);
    const stored = new Map(listed.data.map((c) => [c.date, c]));
    assert.equal(stored.size, listed.data.length, 'one check-in per date');
    for (const w of mine) {
      for (const date of w.dates) {
        const sent = w.checkins.filter((e) => e.date === date);
        let lastAck = -1;
        sent.forEach((e, i) => { if (e.ack) lastAck = i; });
        // A write answered with an error was not applied; one without an answer may have been.
        const candidates = sent.filter((e, i) => i === lastAck || (i > lastAck && e.status === undefined));
        const got = stored.get(date);
        stored.delete(date);
        if (lastAck < 0 && !got) continue;
        assert.ok(got, `client ${w.index}'s acknowledged check-in on ${date} (seq ${sent[lastAck]?.seq}) is missing`);
        const match = candidates.find((e) => e.body.note === got.note);
        assert.ok(match, `the check-in on ${date} holds ${JSON.stringify(got)}, which is not the last acknowledged ` +
          `write (${JSON.stringify(sent[lastAck]?.body)}) nor one sent after it`);
        if (match.ack) {
          assert.deepEqual(pick(got, CHECKIN_FIELDS), pick(match.ack, CHECKIN_FIELDS), `check-in on ${date} as acknowledged`);
        } else {
          unackedPresent++;
          assert.deepEqual(pick(got, ['start', 'end', 'stress', 'energy', 'note']), match.body,
            `the unacknowledged check-in on ${date} is whole`);
        }
      }
    }
    assert.deepEqual([...stored.keys()], [], `account ${a} has check-ins on dates none of its clients wrote`);

    // Wins: every acknowledged one with its id and text; every stored one whole and sent by a
    // client of this account, once.
    const wins = await reader.get(`/api/v1/wins?from=${isoDay(7)}&to=${isoDay(-1)}`);
    assert.equal(wins.status, 200, wins.text);
    const byId = new Map(wins.data.map((x) => [x.id, x]));
    const texts = new Set();
    for (const x of wins.data) {
      const m = WIN_TEXT.exec(x.text);
      assert.ok(m, `stored win ${x.id} has the text ${JSON.stringify(x.text)}`);
      const w = writers[Number(m[1])];
      assert.equal(w?.account, a, `win ${x.id} (${x.text}) is stored for account ${a}`);
      assert.ok(w.wins.some((e) => e.seq === Number(m[2])), `win ${x.text} was sent`);
      assert.equal(x.size, 'small');
      assert.ok(!texts.has(x.text), `win ${x.text} is stored once`);
      texts.add(x.text);
    }
    for (const w of mine) {
      for (const e of w.wins) {
        if (!e.ack) {
          if (e.status === undefined && texts.has(e.text)) unackedPresent++;
          else assert.ok(!texts.has(e.text), `win ${e.text} was refused with ${e.status} yet stored`);
          continue;
        }
        assert.deepEqual(byId.get(e.ack.id), e.ack, `acknowledged win ${e.text} (id ${e.ack.id})`);
      }
    }

    // The restarted server keeps writing, without reusing an acknowledged id.
    const next = await reader.post('/api/v1/wins', { text: 'after the restart', size: 'small' });
    assert.equal(next.status, 201, next.text);
    assert.ok(!writers.some((w) => w.wins.some((e) => e.ack?.id === next.data.id)), 'a new win gets a new id');
  }
  t.diagnostic(`${unackedPresent} unacknowledged writes were applied before the crash`);
}

describe('durability: acknowledged writes survive SIGKILL', () => {
  it('on SQLite', async (t) => {
    await crashAndVerify(t, {});
  });

  it('on PostgreSQL', { skip: postgresSkip }, async (t) => {
    requirePostgres();
    const db = createDatabase('headway_durable');
    await crashAndVerify(t, { database: db.url }, () => db.drop());
  });
});
