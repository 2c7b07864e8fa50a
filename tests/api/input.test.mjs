// Strict input handling: malformed bodies, wrong types and ranges, unknown fields, media types,
// size limits, and that hostile-looking text is stored verbatim. After every refused request
// the user's data must be exactly as before.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { RawConnection, isoDay, signedIn, startServer } from './lib/server.mjs';

let server, c;
const YESTERDAY = isoDay(-1);
const CHECKIN = { start: '09:00', end: '17:30', stress: 3, energy: 4, after_hours: 0, break: 30, progress: true, setback: false, note: 'ok' };

// Everything the user can list, for before/after comparisons.
async function snapshot() {
  const range = `from=${isoDay(-400)}&to=${isoDay(0)}`;
  const out = {};
  for (const path of ['/api/v1/me', `/api/v1/wins?${range}`, `/api/v1/checkins?${range}`, '/api/v1/goals', '/api/v1/values',
    '/api/v1/boundaries', `/api/v1/reflections?${range}`, '/api/v1/assessments', '/api/v1/motivations', '/api/v1/tokens']) {
    const r = await c.get(path);
    assert.equal(r.status, 200, `${path}: ${r.text}`);
    out[path] = r.data;
  }
  return out;
}

// Runs `fn` and asserts that the user's data did not change.
async function unchanged(fn) {
  const was = await snapshot();
  await fn();
  assert.deepEqual(await snapshot(), was, 'a refused request changed stored data');
}

// A request with a raw body (string or Buffer) and the signed-in client's cookie, CSRF token and Origin.
function send(method, path, body, contentType = 'application/json') {
  return c.request(method, path, { body, headers: contentType ? { 'content-type': contentType } : {} });
}

function assertError(r, status, code, field) {
  assert.equal(r.status, status, `expected ${status}, got ${r.status}: ${r.text}`);
  assert.equal(r.data?.error?.code, code, r.text);
  assert.equal(typeof r.data.error.message, 'string');
  assert.ok(r.data.error.message.length > 0);
  assert.ok('field' in r.data.error, 'the error names a field or says null');
  if (field !== undefined) assert.equal(r.data.error.field, field, r.text);
}

// Write routes with a body that each accepts, so a refusal is only ever due to what a test changed.
const WRITES = [
  ['POST', '/api/v1/wins', { text: 'a win' }],
  ['POST', '/api/v1/goals', { title: 'a goal', values: ['health'] }],
  ['PUT', `/api/v1/checkins/${YESTERDAY}`, CHECKIN],
  ['PATCH', '/api/v1/me', { name: 'Someone' }],
  ['POST', '/api/v1/values', { name: 'family' }],
  ['POST', '/api/v1/reflections', { values: 7 }],
  ['PUT', '/api/v1/motivations/health', { rating: 4 }],
  ['POST', '/api/v1/boundaries', { type: 'min-break', minutes: 30 }],
];

before(async () => {
  server = await startServer();
  c = await signedIn(server, 'input@example.org');
  assert.equal((await c.post('/api/v1/values', { name: 'health' })).status, 201, 'goals need a value to link to');
});
after(async () => { await server.stop(); server.cleanup(); });

describe('malformed bodies answer 400 "malformed" and change nothing', () => {
  const invalidUtf8 = [
    ['a lone continuation byte', Buffer.from([0x80])],
    ['0xFF', Buffer.from([0xff, 0xfe])],
    ['an overlong slash', Buffer.from([0xc0, 0xaf])],
    ['a UTF-16 surrogate in UTF-8', Buffer.from([0xed, 0xa0, 0x80])],
    ['a truncated sequence', Buffer.from([0xe2, 0x82])],
  ];
  const bodies = {
    'unterminated object': '{"x": "a"',
    'unquoted key': '{x: "a"}',
    'single quotes': "{'x': 'a'}",
    'trailing comma': '{"x": "a",}',
    'trailing garbage': '{"x": "a"} trailing',
    'two objects': '{}{}',
    'NaN': '{"x": NaN}',
    'a lone surrogate escape': '{"x": "\\ud800"}',
    'a raw control character in a string': '{"x": "a\u0001b"}',
    'nesting 100 deep': '{"x": ' + '['.repeat(100) + ']'.repeat(100) + '}',
    'nesting 33 deep': '{"x": ' + '['.repeat(32) + ']'.repeat(32) + '}',
    'a JSON array': '[{"x": "a"}]',
    'an empty array': '[]',
    'a JSON string': '"a"',
    'a JSON number': '42',
    'null': 'null',
    'true': 'true',
  };

  for (const [method, path] of WRITES) {
    test(`${method} ${path}`, async () => {
      await unchanged(async () => {
        for (const [what, body] of Object.entries(bodies)) {
          const r = await send(method, path, body);
          assertError(r, 400, 'malformed');
          assert.ok(r.data.error.message, what);
        }
        for (const [what, bytes] of invalidUtf8) {
          const body = Buffer.concat([Buffer.from('{"note": "ok'), bytes, Buffer.from('"}')]);
          const r = await send(method, path, body);
          assert.equal(r.status, 400, `${what}: ${r.text}`);
          assert.equal(r.data.error.code, 'malformed', what);
        }
      });
    });
  }

  test('nesting up to 32 levels is parsed (then refused for its type, not as malformed)', async () => {
    await unchanged(async () => {
      const r = await send('POST', '/api/v1/wins', '{"text": ' + '['.repeat(31) + ']'.repeat(31) + '}');
      assertError(r, 422, 'invalid', 'text');
    });
  });

  test('the sign-in route reads bodies just as strictly', async () => {
    const anon = await fetch(server.base + '/api/v1/auth/login', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: '[{"email": "input@example.org"}]',
    });
    assert.equal(anon.status, 400);
    assert.equal((await anon.json()).error.code, 'malformed');
  });
});

describe('wrong types, ranges, unknown and missing fields answer 422 naming the field', () => {
  const cases = [
    // [method, path, body, field]
    ['PUT', `/api/v1/checkins/${YESTERDAY}`, { ...CHECKIN, stress: 'high' }, 'stress'],
    ['PUT', `/api/v1/checkins/${YESTERDAY}`, { ...CHECKIN, energy: 2.5 }, 'energy'],
    ['PUT', `/api/v1/checkins/${YESTERDAY}`, { ...CHECKIN, progress: 'yes' }, 'progress'],
    ['PUT', `/api/v1/checkins/${YESTERDAY}`, { ...CHECKIN, setback: 1 }, 'setback'],
    ['PUT', `/api/v1/checkins/${YESTERDAY}`, { ...CHECKIN, note: ['a'] }, 'note'],
    ['PUT', `/api/v1/checkins/${YESTERDAY}`, { ...CHECKIN, start: 900 }, 'start'],
    ['PUT', `/api/v1/checkins/${YESTERDAY}`, { ...CHECKIN, stress: '3' }, 'stress'],
    ['PUT', `/api/v1/checkins/${YESTERDAY}`, { ...CHECKIN, stress: true }, 'stress'],
    ['PUT', `/api/v1/checkins/${YESTERDAY}`, { ...CHECKIN, stress: 6 }, 'stress'],
    ['PUT', `/api/v1/checkins/${YESTERDAY}`, { ...CHECKIN, stress: 0 }, 'stress'],
    ['PUT', `/api/v1/checkins/${YESTERDAY}`, { ...CHECKIN, energy: 0 }, 'energy'],
    ['PUT', `/api/v1/checkins/${YESTERDAY}`, { ...CHECKIN, energy: 1e300 }, 'energy'],
    ['PUT', `/api/v1/checkins/${YESTERDAY}`, { ...CHECKIN, energy: 18446744073709551616 }, 'energy'],
    ['PUT', `/api/v1/checkins/${YESTERDAY}`, { ...CHECKIN, break: -1 }, 'break'],
    ['PUT', `/api/v1/checkins/${YESTERDAY}`, { ...CHECKIN, after_hours: 1441 }, 'after_hours'],
    ['PUT', `/api/v1/checkins/${YESTERDAY}`, { ...CHECKIN, start: '25:00' }, 'start'],
    ['PUT', `/api/v1/checkins/${YESTERDAY}`, { ...CHECKIN, mood: 'good' }, 'mood'],
    ['PUT', `/api/v1/checkins/${YESTERDAY}`, { ...CHECKIN, stress: undefined }, 'stress'],
    ['PUT', `/api/v1/checkins/${YESTERDAY}`, {}, 'stress'],
    ['PUT', `/api/v1/checkins/${isoDay(2)}`, CHECKIN, 'date'],
    ['POST', '/api/v1/wins', { text: 5 }, 'text'],
    ['POST', '/api/v1/wins', { text: null }, 'text'],
    ['POST', '/api/v1/wins', { text: { a: 1 } }, 'text'],
    ['POST', '/api/v1/wins', { text: '   ' }, 'text'],
    ['POST', '/api/v1/wins', { text: 'nul \u0000 inside' }, 'text'],
    ['POST', '/api/v1/wins', { text: 'a', size: 'enormous' }, 'size'],
    ['POST', '/api/v1/wins', { text: 'a', goal_id: 'one' }, 'goal_id'],
    ['POST', '/api/v1/wins', { text: 'a', goal_id: 0 }, 'goal_id'],
    ['POST', '/api/v1/wins', { text: 'a', date: isoDay(3) }, 'date'],
    ['POST', '/api/v1/wins', { text: 'a', date: 'yesterday-ish' }, 'date'],
    ['POST', '/api/v1/wins', { text: 'a', Text: 'b' }, 'Text'],
    ['POST', '/api/v1/wins', { text: 'a', id: 99 }, 'id'],
    ['POST', '/api/v1/wins', { text: 'a', person_id: 1 }, 'person_id'],
    ['POST', '/api/v1/wins', {}, 'text'],
    ['POST', '/api/v1/wins', { text: 'x'.repeat(200 * 1024) }, 'text'],
    ['POST', '/api/v1/goals', { title: 'x'.repeat(200 * 1024), values: ['health'] }, 'title'],
    ['POST', '/api/v1/goals', { title: 'a', values: 'health' }, 'values'],
    ['POST', '/api/v1/goals', { title: 'a', values: [['health']] }, 'values[0]'],
    ['POST', '/api/v1/goals', { title: 'a', values: ['health'], frequency: 'hourly' }, 'frequency'],
    ['POST', '/api/v1/goals', { title: 'a', values: ['health'], owner: 2 }, 'owner'],
    ['POST', '/api/v1/goals', { values: ['health'] }, 'title'],
    ['PUT', `/api/v1/checkins/${YESTERDAY}`, { ...CHECKIN, note: 'x'.repeat(200 * 1024) }, 'note'],
    ['PATCH', '/api/v1/me', { timezone: 'Mars/Olympus_Mons' }, 'timezone'],
    ['PATCH', '/api/v1/me', { email: 'other@example.org' }, 'email'],
    ['PATCH', '/api/v1/me', { admin: true }, 'admin'],
    ['POST', '/api/v1/values', { name: 'health', rank: 6 }, 'rank'],
    ['POST', '/api/v1/reflections', { values: 11 }, 'values'],
    ['POST', '/api/v1/reflections', { values: '7' }, 'values'],
    ['PUT', '/api/v1/motivations/health', { rating: 0 }, 'rating'],
    ['POST', '/api/v1/boundaries', { type: 'min-break', minutes: 30, colour: 'red' }, 'colour'],
    ['POST', '/api/v1/tokens', { name: 'x', scope: 'admin' }, 'scope'],
    ['POST', '/api/v1/tokens', { name: 'x', scope: 'read', expires: 3 }, 'expires'],
  ];

  for (const [method, path, body, field] of cases) {
    const shown = JSON.stringify(body, (k, v) => (typeof v === 'string' && v.length > 40 ? `<${v.length} chars>` : v));
    test(`${method} ${path} ${shown.slice(0, 120)} -> 422 ${field}`, async () => {
      await unchanged(async () => {
        const r = await c.request(method, path, { json: body });
        assertError(r, 422, 'invalid', field);
      });
    });
  }

  test('numbers too large for JSON doubles are refused, not a server error', {
  }, async () => {
    await unchanged(async () => {
      const r = await send('PUT', `/api/v1/checkins/${YESTERDAY}`, JSON.stringify(CHECKIN).replace('"stress":3', '"stress":1e400'));
      assert.ok(r.status === 400 || r.status === 422, `expected 400 or 422, got ${r.status}: ${r.text}`);
      assert.ok(['malformed', 'invalid'].includes(r.data?.error?.code), r.text);
    });
  });
});

test('errors about references in a body name the API field', async () => {
  await unchanged(async () => {
    const cases = [
      ['/api/v1/goals', { title: 'no values given' }, 'values'],
      ['/api/v1/goals', { title: 'unknown value', values: ['no such value'] }, 'values'],
      ['/api/v1/goals', { title: 'unknown boundary', values: ['health'], boundary_id: 999999 }, 'boundary_id'],
      ['/api/v1/goals', { title: 'bad answer', values: ['health'], stage_answer: 'someday' }, 'stage_answer'],
      ['/api/v1/wins', { text: 'unknown goal', goal_id: 999999 }, 'goal_id'],
    ];
    for (const [path, body, field] of cases) {
      const r = await c.post(path, body);
      assert.ok(r.status === 404 || r.status === 422, `${JSON.stringify(body)}: ${r.status} ${r.text}`);
      assert.equal(r.data.error.field, field, `${JSON.stringify(body)}: ${r.text}`);
    }
  });
});

describe('media types and size limits', () => {
  test('a body that is not application/json answers 415', async () => {
    await unchanged(async () => {
      const body = JSON.stringify({ text: 'a win' });
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x',
        'application/jsonp', 'application/json-patch+json', 'application/xml', 'json']) {
        const r = await send('POST', '/api/v1/wins', body, type);
        assertError(r, 415, 'unsupported_media_type');
      }
      const form = await send('POST', '/api/v1/wins', 'text=a+win', 'application/x-www-form-urlencoded');
      assertError(form, 415, 'unsupported_media_type');
    });
  });

  test('application/json with parameters or in other letter case is accepted', async () => {
    for (const type of ['application/json; charset=utf-8', 'Application/JSON', 'application/json ;charset=UTF-8']) {
      const r = await send('POST', '/api/v1/wins', JSON.stringify({ text: `typed ${type}` }), type);
      assert.equal(r.status, 201, `${type}: ${r.text}`);
    }
  });

  // Sends the request head only: the server must refuse on the declared length, before the body.
  async function rawHead(head) {
    const conn = await RawConnection.open(server.port);
    try {
      return await conn.request(head);
    } finally {
      conn.destroy();
    }
  }

  test('a declared body over 1 MiB answers 413 at once', async () => {
    await unchanged(async () => {
      const r = await rawHead(`POST /api/v1/wins HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${1024 * 1024 + 1}\r\nCookie: ${c.cookie}\r\nOrigin: ${server.origin}\r\nX-CSRF-Token: ${c.csrf}\r\n\r\n`);
      assert.ok(r, 'the server closed the connection without an answer');
      assert.equal(r.status, 413, r.text);
      assert.equal(r.data.error.code, 'payload_too_large');
    });
  });

  test('a body of exactly 1 MiB is read and judged on its content', async () => {
    await unchanged(async () => {
      const prefix = '{"text": "';
      const suffix = '"}';
      const exact = prefix + 'y'.repeat(1024 * 1024 - prefix.length - suffix.length) + suffix;
      assert.equal(Buffer.byteLength(exact), 1024 * 1024);
      assertError(await send('POST', '/api/v1/wins', exact), 422, 'invalid', 'text');
    });
  });

  test('a body over 1 MiB, actually sent, gets its 413 answer rather than a reset', {
  }, async () => {
    await unchanged(async () => {
      for (const size of [1024 * 1024 + 1, 4 * 1024 * 1024, 4 * 1024 * 1024, 4 * 1024 * 1024, 4 * 1024 * 1024]) {
        const body = '{"text": "' + 'z'.repeat(size) + '"}';
        let r;
        try {
          r = await send('POST', '/api/v1/wins', body);
        } catch (e) {
          assert.fail(`a ${body.length}-byte body got no answer: ${e.cause?.code ?? e.message}`);
        }
        assertError(r, 413, 'payload_too_large');
      }
    });
  });

  test('request headers over 8 KiB answer 431', async () => {
    await unchanged(async () => {
      const r = await rawHead(`GET /api/v1/wins HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nCookie: ${c.cookie}\r\n` +
        `X-Padding: ${'p'.repeat(9 * 1024)}\r\n\r\n`);
      assert.ok(r, 'the server closed the connection without an answer');
      assert.equal(r.status, 431, r.text);
      assert.equal(r.data.error.code, 'header_too_large');
      const viaFetch = await c.get('/api/v1/wins', { headers: { 'x-padding': 'q'.repeat(10 * 1024) } });
      assert.equal(viaFetch.status, 431);
      const small = await c.get('/api/v1/wins', { headers: { 'x-padding': 'q'.repeat(6 * 1024) } });
      assert.equal(small.status, 200, 'headers under the limit are fine');
    });
  });
});

describe('text is stored and returned verbatim', () => {
  const STRINGS = [
    "'); DROP TABLE wins; --",
    '<script>alert(1)</script>',
    "Robert'); --",
    '" OR 1=1 --',
    '%s %n {0} ${x} \\ \\\\ \\n',
    'emoji 😀🎉 and a family 👨‍👩‍👧',
    'שלום עולם — مرحبا بالعالم',
    '\u202eRTL override',
    'tab\tand\nnewline',
    'ünïcødé ∑ ≠ ∞ 漢字',
  ];

  test('in wins', async () => {
    for (const text of STRINGS) {
      const r = await c.post('/api/v1/wins', { text });
      assert.equal(r.status, 201, `${JSON.stringify(text)}: ${r.text}`);
      assert.equal(r.data.text, text);
      assert.ok(Number.isInteger(r.data.id) && r.data.id > 0);
      const back = await c.get(`/api/v1/wins/${r.data.id}`);
      assert.equal(back.status, 200);
      assert.equal(back.data.text, text);
      assert.deepEqual(back.data, r.data);
    }
    const all = await c.get(`/api/v1/wins?from=${isoDay(-1)}&to=${isoDay(0)}`);
    for (const text of STRINGS) assert.ok(all.data.some((w) => w.text === text), `listing lost ${JSON.stringify(text)}`);
  });

  test('in goal titles', async () => {
    for (const title of STRINGS.filter((s) => !s.includes('\n') && !s.includes('\t'))) {
      const r = await c.post('/api/v1/goals', { title, values: ['health'] });
      assert.equal(r.status, 201, `${JSON.stringify(title)}: ${r.text}`);
      assert.equal(r.data.title, title);
      const back = await c.get(`/api/v1/goals/${r.data.id}`);
      assert.equal(back.status, 200);
      assert.equal(back.data.title, title);
    }
  });

  test('in check-in notes', async () => {
    for (const [i, note] of STRINGS.entries()) {
      const date = isoDay(-10 - i);
      const r = await c.put(`/api/v1/checkins/${date}`, { ...CHECKIN, note });
      assert.equal(r.status, 201, `${JSON.stringify(note)}: ${r.text}`);
      assert.equal(r.data.note, note);
      const back = await c.get(`/api/v1/checkins/${date}`);
      assert.equal(back.data.note, note);
    }
  });

  test('JSON escapes arrive as the characters they stand for', async () => {
    const r = await send('POST', '/api/v1/wins', '{"text": "caf\\u00e9 \\ud83d\\ude00 \\"quoted\\" \\/"}');
    assert.equal(r.status, 201, r.text);
    assert.equal(r.data.text, 'café 😀 "quoted" /');
  });
});

describe('resources', () => {
  test('a created win is returned with its id and the JSON field names', async () => {
    const goal = await c.post('/api/v1/goals', { title: 'walk at lunch', values: ['health'] });
    assert.equal(goal.status, 201, goal.text);
    const date = isoDay(-3);
    const r = await c.post('/api/v1/wins', { text: 'walked', goal_id: goal.data.id, size: 'medium', date });
    assert.equal(r.status, 201, r.text);
    assert.ok(Number.isInteger(r.data.id));
    assert.equal(r.data.text, 'walked');
    assert.equal(r.data.goal_id, goal.data.id);
    assert.equal(r.data.size, 'medium');
    assert.equal(r.data.date, date);
    assert.deepEqual((await c.get(`/api/v1/wins/${r.data.id}`)).data, r.data);
  });

  test('PUT /api/v1/checkins/{date} creates with 201, then updates with 200 and the new values', async () => {
    const date = isoDay(-2);
    const first = await c.put(`/api/v1/checkins/${date}`, CHECKIN);
    assert.equal(first.status, 201, first.text);
    assert.equal(first.data.date, date);
    assert.equal(first.data.updated, false);
    for (const [k, v] of Object.entries(CHECKIN)) assert.deepEqual(first.data[k], v, k);

    const next = { start: '08:00', end: '19:00', stress: 5, energy: 1, after_hours: 45, break: 10, progress: false, setback: true, note: 'long day' };
    const second = await c.put(`/api/v1/checkins/${date}`, next);
    assert.equal(second.status, 200, second.text);
    assert.equal(second.data.updated, true);
    for (const [k, v] of Object.entries(next)) assert.deepEqual(second.data[k], v, k);
    const back = await c.get(`/api/v1/checkins/${date}`);
    assert.equal(back.status, 200);
    for (const [k, v] of Object.entries(next)) assert.deepEqual(back.data[k], v, k);
    const list = await c.get(`/api/v1/checkins?from=${date}&to=${date}`);
    assert.equal(list.data.length, 1, 'an upsert, not a second row');
  });

  test('a check-in for a future day answers 422 and stores nothing', async () => {
    const date = isoDay(2);
    await unchanged(async () => {
      assertError(await c.put(`/api/v1/checkins/${date}`, CHECKIN), 422, 'invalid', 'date');
    });
    assertError(await c.get(`/api/v1/checkins/${date}`), 404, 'not_found');
  });

  test('unknown routes answer 404 and wrong methods 405', async () => {
    for (const path of ['/api/v1/nothing', '/api/v2/wins', '/api/v1/wins/1/extra', '/api/v1/wins/', '/api/v1']) {
      const r = await c.get(path);
      assertError(r, 404, 'not_found');
      assert.equal(r.data.error.message, 'no such resource');
    }
    for (const [method, path] of [['DELETE', '/api/v1/checkins/2025-01-01'], ['PUT', '/api/v1/wins'], ['POST', '/healthz'],
      ['PATCH', '/api/v1/goals/1'], ['DELETE', '/api/v1/wins'], ['POST', '/api/v1/me']]) {
      assertError(await c.request(method, path), 405, 'method_not_allowed');
    }
    for (const path of ['/api/v1/wins/abc', '/api/v1/wins/-1', '/api/v1/wins/0', '/api/v1/wins/99999999999999999999', '/api/v1/goals/1.5']) {
      assertError(await c.get(path), 404, 'not_found');
    }
  });
});
