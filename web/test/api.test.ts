import { describe, expect, it, vi } from 'vitest';
import { ApiClient, ApiError, type FetchLike } from '../src/api';

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
  credentials: RequestCredentials | undefined;
}

// A fetch that answers from a list of [status, body] and records every request.
function stubFetch(answers: Array<[number, unknown]>) {
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({
      url,
      method: init.method ?? 'GET',
      headers: init.headers as Record<string, string>,
      body: init.body === undefined ? undefined : JSON.parse(init.body as string),
      credentials: init.credentials,
    });
    const next = answers.shift();
    if (!next) throw new Error('no answer left for ' + url);
    const [status, body] = next;
    return new Response(status === 204 || body === undefined ? null : JSON.stringify(body), { status });
  };
  return { fetch, calls };
}

const account = { id: 7, person_id: 7, email: 'sam@example.org', admin: false, created_at: '2026-11-25T18:00:00Z' };
const checkIn = {
  date: '2026-11-25', off: false, start: '09:00', end: '17:30', worked_minutes: 480, after_hours: null,
  break: 30, stress: 2, energy: 4, progress: true, setback: false, note: '', updated_at: '2026-11-25T18:00:00Z',
};

describe('ApiClient', () => {
  it('sends the CSRF token from sign-in on writes, and never on reads', async () => {
    const { fetch, calls } = stubFetch([
      [200, { csrf_token: 'tok-1', account }],
      [200, checkIn],
      [201, { ...checkIn, updated: false, recycled_goals: [], boundaries: [] }],
    ]);
    const api = new ApiClient({ fetch });
    await api.login('sam@example.org', 'correct horse battery staple');
    await api.checkIn('2026-11-25');
    await api.putCheckIn('2026-11-25', { stress: 2, energy: 4, start: '09:00', end: '17:30' });

    expect(calls[0]?.headers['X-CSRF-Token']).toBeUndefined();
    expect(calls[0]?.body).toEqual({ email: 'sam@example.org', password: 'correct horse battery staple' });
    expect(calls[1]?.headers['X-CSRF-Token']).toBeUndefined();
    expect(calls[2]?.method).toBe('PUT');
    expect(calls[2]?.url).toBe('/api/v1/checkins/2026-11-25');
    expect(calls[2]?.headers['X-CSRF-Token']).toBe('tok-1');
    expect(calls[2]?.headers['Content-Type']).toBe('application/json');
    expect(calls.every((c) => c.credentials === 'same-origin')).toBe(true);
  });

  it('takes the CSRF token from GET /auth/session', async () => {
    const { fetch, calls } = stubFetch([
      [200, { csrf_token: 'tok-2', account, via_token: false, scope: 'read-write' }],
      [201, { id: 1, text: 'x', goal_id: null, value_id: null, size: 'small', date: '2026-11-25', created_at: '' }],
    ]);
    const api = new ApiClient({ fetch });
    await api.session();
    expect(api.csrfToken).toBe('tok-2');
    await api.logWin({ text: 'x' });
    expect(calls[1]?.headers['X-CSRF-Token']).toBe('tok-2');
  });

  it('turns error answers into ApiError with status, code, message and field', async () => {
    const { fetch } = stubFetch([
      [422, { error: { code: 'invalid', message: 'stress must be between 1 and 5', field: 'stress' } }],
    ]);
    const api = new ApiClient({ fetch });
    const err = await api.putCheckIn('today', { stress: 7, energy: 3, off: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 422, code: 'invalid', message: 'stress must be between 1 and 5', field: 'stress' });
  });

  it('makes an ApiError of answers that are not the error shape, and of network failures', async () => {
    const api = new ApiClient({ fetch: async () => new Response('<html>bad gateway</html>', { status: 502 }) });
    await expect(api.me()).rejects.toMatchObject({ status: 502, code: 'http_502', field: null });
    const offline = new ApiClient({ fetch: async () => { throw new TypeError('Failed to fetch'); } });
    await expect(offline.me()).rejects.toMatchObject({ status: 0, code: 'network' });
  });

  it('answers null for a day without a check-in (404)', async () => {
    const { fetch } = stubFetch([[404, { error: { code: 'not_found', message: 'no check-in', field: 'date' } }]]);
    expect(await new ApiClient({ fetch }).checkIn('2026-11-25')).toBeNull();
  });

  it('emits "signed out" on a 401 and forgets the CSRF token', async () => {
    const { fetch, calls } = stubFetch([
      [200, { csrf_token: 'tok-3', account }],
      [401, { error: { code: 'unauthenticated', message: 'the session has ended', field: null } }],
      [401, { error: { code: 'unauthenticated', message: 'the session has ended', field: null } }],
    ]);
    const api = new ApiClient({ fetch });
    const listener = vi.fn();
    api.onSignedOut(listener);
    await api.login('sam@example.org', 'pw');
    await expect(api.logWin({ text: 'x' })).rejects.toMatchObject({ status: 401, code: 'unauthenticated' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(api.csrfToken).toBeNull();
    await expect(api.logWin({ text: 'y' })).rejects.toBeInstanceOf(ApiError);
    expect(calls[2]?.headers['X-CSRF-Token']).toBeUndefined();
  });

  it('does not treat a wrong password or a missing session at start-up as "signed out"', async () => {
    const wrong = { error: { code: 'unauthenticated', message: 'email or password is wrong', field: null } };
    const { fetch } = stubFetch([[401, wrong], [401, wrong]]);
    const api = new ApiClient({ fetch });
    const listener = vi.fn();
    api.onSignedOut(listener);
    await expect(api.login('a@b.c', 'nope')).rejects.toMatchObject({ status: 401 });
    await expect(api.session()).rejects.toMatchObject({ status: 401 });
    expect(listener).not.toHaveBeenCalled();
  });

  it('stops calling a listener after it unsubscribes', async () => {
    const { fetch } = stubFetch([[401, {}]]);
    const api = new ApiClient({ fetch });
    const listener = vi.fn();
    api.onSignedOut(listener)();
    await expect(api.me()).rejects.toMatchObject({ status: 401, code: 'http_401' });
    expect(listener).not.toHaveBeenCalled();
  });

  it('signs out with the token and forgets it even when the server refuses', async () => {
    const { fetch, calls } = stubFetch([
      [200, { csrf_token: 'tok-4', account }],
      [403, { error: { code: 'forbidden', message: 'no', field: null } }],
    ]);
    const api = new ApiClient({ fetch });
    await api.login('sam@example.org', 'pw');
    await expect(api.logout()).rejects.toMatchObject({ status: 403 });
    expect(calls[1]?.headers['X-CSRF-Token']).toBe('tok-4');
    expect(api.csrfToken).toBeNull();
  });

  it('encodes query parameters and path segments', async () => {
    const { fetch, calls } = stubFetch([[200, []], [200, []]]);
    const api = new ApiClient({ fetch });
    await api.wins('2026-11-01', '2026-11-25');
    await api.checkBoundaries('2026-11-25');
    expect(calls[0]?.url).toBe('/api/v1/wins?from=2026-11-01&to=2026-11-25');
    expect(calls[1]?.url).toBe('/api/v1/boundaries/check?date=2026-11-25');
  });
});
