import { describe, expect, it } from 'vitest';
import { ApiClient, ApiError } from '../src/api';
import type { Circle, WinKudos, WinKudosAnswer } from '../src/components/wins/data';
import { fetchWinView } from '../src/components/wins/data';
import {
  emojiName, kudosSource, notSharedText, shareErrorText, shareableCircles, sortKudos, sortShared, withoutCircle,
} from '../src/components/wins/logic';

const kudos = (id: number, over: Partial<WinKudos> = {}): WinKudos => ({
  id, win_id: 36, from: 'pat', emoji: '🎉', message: '', created_at: '2026-11-26T04:05:03Z', circle_id: 1, circle_name: 'Evening walkers', ...over,
});

const circle = (id: number, name: string): Circle => ({ id, name, purpose: '', owner: false, members: 2, created_at: '2026-11-01T00:00:00Z' });

describe('where kudos came from', () => {
  it('names the circle for kudos sent in a circle', () => {
    expect(kudosSource({ circle_id: 1, circle_name: 'Evening walkers' })).toBe('in Evening walkers');
  });
  it('says "as your partner" for kudos through a grant (no circle)', () => {
    expect(kudosSource({ circle_id: null, circle_name: null })).toBe('as your partner');
  });
  it('still reads well when a circle has no name in the answer', () => {
    expect(kudosSource({ circle_id: 3, circle_name: null })).toBe('in a circle');
  });
});

describe('the order of kudos', () => {
  it('puts the newest first, whatever order they arrive in', () => {
    const list = [kudos(1, { created_at: '2026-11-24T10:00:00Z' }), kudos(2, { created_at: '2026-11-26T09:00:00Z' }), kudos(3, { created_at: '2026-11-25T10:00:00Z' })];
    expect(sortKudos(list).map((k) => k.id)).toEqual([2, 3, 1]);
    expect(list.map((k) => k.id)).toEqual([1, 2, 3]);  // the list it was given is left alone
  });
  it('breaks ties in the same second by id, newest first', () => {
    expect(sortKudos([kudos(4), kudos(9), kudos(7)]).map((k) => k.id)).toEqual([9, 7, 4]);
  });
  it('keeps an empty list empty', () => {
    expect(sortKudos([])).toEqual([]);
  });
});

describe('which circles it can still be shared with', () => {
  const mine = [circle(3, 'Runners'), circle(1, 'Evening walkers'), circle(2, 'book club')];
  it('leaves out the circles it is shared with, and sorts the rest by name', () => {
    expect(shareableCircles(mine, [{ id: 1, name: 'Evening walkers' }]).map((c) => c.id)).toEqual([2, 3]);
  });
  it('offers every circle when it is shared with none', () => {
    expect(shareableCircles(mine, []).map((c) => c.name)).toEqual(['book club', 'Evening walkers', 'Runners']);
  });
  it('offers nothing when it is shared with all of them, or there are no circles', () => {
    expect(shareableCircles(mine, mine)).toEqual([]);
    expect(shareableCircles([], [])).toEqual([]);
  });
  it('lists the circles it is shared with by name', () => {
    expect(sortShared([{ id: 5, name: 'Zeta' }, { id: 4, name: 'alpha' }]).map((c) => c.id)).toEqual([4, 5]);
  });
});

describe('stopping a share', () => {
  const answer: WinKudosAnswer = {
    win_id: 36,
    shared_with: [{ id: 1, name: 'Evening walkers' }, { id: 2, name: 'Runners' }],
    kudos: [kudos(1), kudos(2, { circle_id: null, circle_name: null }), kudos(3, { circle_id: 2, circle_name: 'Runners' })],
  };
  it('drops the circle and the kudos sent in it, and keeps partner kudos and other circles', () => {
    const after = withoutCircle(answer, 1);
    expect(after.shared_with).toEqual([{ id: 2, name: 'Runners' }]);
    expect(after.kudos.map((k) => k.id)).toEqual([2, 3]);
    expect(answer.kudos).toHaveLength(3);
  });
});

describe('wording', () => {
  it('names the kudos emoji for screen readers, and nothing for others', () => {
    expect(emojiName('👏')).toBe('Applause');
    expect(emojiName('🦄')).toBeUndefined();
  });
  it('says calmly that it is not shared, and why when there are no circles', () => {
    expect(notSharedText(0)).toMatch(/not in a circle yet/);
    expect(notSharedText(2)).toBe('Not shared with any of your circles yet.');
  });
  it('explains a refused share in plain words', () => {
    expect(shareErrorText(409, 'This win is already shared with this circle.')).toBe('This win is already shared with that circle.');
    expect(shareErrorText(404, 'No such circle.')).toMatch(/not one of yours/);
    expect(shareErrorText(422, 'Something else.')).toBe('Something else.');
  });
});

describe('loading a win', () => {
  const client = (answers: Record<string, [number, unknown]>) => new ApiClient({
    fetch: async (input) => {
      const [status, body] = answers[input] ?? [500, {}];
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    },
  });
  const win = { id: 36, text: 'Walked at lunch', goal_id: null, value_id: null, size: 'small', date: '2026-11-26', created_at: '2026-11-26T04:04:58Z' };
  const answer = { win_id: 36, shared_with: [], kudos: [] };

  it('reads the win and its kudos together', async () => {
    const api = client({ '/api/v1/wins/36': [200, win], '/api/v1/wins/36/kudos': [200, answer] });
    expect(await fetchWinView(api, 36)).toEqual({ win, kudos: answer });
  });
  it('shows "not found" for a win that is not yours (404)', async () => {
    const nf = { error: { code: 'not_found', message: 'no such win', field: null } };
    const api = client({ '/api/v1/wins/7': [404, nf], '/api/v1/wins/7/kudos': [404, nf] });
    expect(await fetchWinView(api, 7)).toBe('not-found');
  });
  it('passes other failures on, so the page offers to try again', async () => {
    const api = client({ '/api/v1/wins/36': [200, win] });
    await expect(fetchWinView(api, 36)).rejects.toBeInstanceOf(ApiError);
  });
});
