// End-to-end: one win's page with the kudos it received. Sam (demo data) in the browser; Pat, a
// circle member and partner, over the API. The kudos notification leads to the page, which shows
// circle and partner kudos as the API gives them; stopping a share takes the circle's kudos away.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { XSS, skip, withApp } from './lib/app.mjs';
import { assertNoSeriousViolations, assertNoSidewaysScroll, bypassCspForTestScripts, signIn } from './lib/browser.mjs';
import { apiGet, apiSend, otherPerson } from './lib/server.mjs';

const WIN = 'Walked at lunch instead of eating at the desk';
const QUIET_WIN = 'Left at 17:30 on a busy day';

// Another person, signed in from Node with their own session.
const person = otherPerson;

async function ok(promise, status = 201) {
  const r = await promise;
  assert.equal(r.status, status, JSON.stringify(r.body));
  return r.body;
}

const text = async (locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

// What the page should show for each kudos, from the API's answer: newest first, where it came from,
// and the time in the person's zone.
function expectedKudos(answer, timeZone) {
  const fmt = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
  return [...answer.kudos]
    .sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id)
    .map((k) => ({
      emoji: k.emoji, from: k.from, message: k.message,
      source: k.circle_id === null ? 'as your partner' : `in ${k.circle_name}`,
      time: fmt.format(new Date(k.created_at)), at: k.created_at,
    }));
}

async function shownKudos(page) {
  const items = page.locator('.wins-kudos-item');
  const out = [];
  for (let i = 0; i < await items.count(); i++) {
    const item = items.nth(i);
    out.push({
      emoji: await text(item.locator('.wins-kudos-emoji')),
      from: await text(item.locator('.wins-kudos-from')),
      message: (await item.locator('.wins-kudos-message').count()) ? await item.locator('.wins-kudos-message').textContent() : '',
      source: await text(item.locator('.wins-kudos-source')),
      time: await text(item.locator('time')),
      at: await item.locator('time').getAttribute('datetime'),
    });
  }
  return out;
}

async function checkLayout(context, page, label) {
  await assertNoSeriousViolations(page, label);
  await page.setViewportSize({ width: 375, height: 800 });
  await page.waitForTimeout(100);
  await assertNoSidewaysScroll(page, `${label} at 375 px`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('a win and its kudos', () => {
  test('the kudos notification leads to the win; circle and partner kudos; stop and start sharing', { skip }, async () => {
    await withApp(async ({ server, context, page, problems }) => {
      const me = (await apiGet(server, '/api/v1/me')).body;
      const goal = (await apiGet(server, '/api/v1/goals')).body[0];
      assert.ok(goal, 'the demo person has a goal');
      const win = await ok(apiSend(server, 'POST', '/api/v1/wins', { text: WIN, size: 'big', goal_id: goal.id }));
      const quiet = await ok(apiSend(server, 'POST', '/api/v1/wins', { text: QUIET_WIN, size: 'small' }));

      // Sam makes a circle, Pat joins with the code, Sam shares the win and Pat sends kudos there.
      const pat = await person(server, 'pat@example.org');
      const circle = await ok(apiSend(server, 'POST', '/api/v1/circles', { name: 'Evening walkers' }));
      const runners = await ok(apiSend(server, 'POST', '/api/v1/circles', { name: 'Runners' }));
      const { code } = await ok(apiSend(server, 'POST', `/api/v1/circles/${circle.id}/invites`, {}));
      await ok(pat('POST', '/api/v1/circles/join', { code }), 200);
      await ok(apiSend(server, 'POST', `/api/v1/circles/${circle.id}/shares`, { win_id: win.id }));
      await ok(pat('POST', `/api/v1/circles/${circle.id}/wins/${win.id}/kudos`, { emoji: '🎉', message: `Lovely ${XSS}` }));

      // A grant of wins to Pat, and Pat's kudos as a partner.
      const grant = await ok(apiSend(server, 'POST', '/api/v1/grants', { scopes: ['wins'], grantee_email: 'pat@example.org' }));
      await ok(pat('POST', `/api/v1/shared/${grant.id}/wins/${win.id}/kudos`, { emoji: '👏', message: 'Proud of you' }));
      const patWin = await ok(pat('POST', '/api/v1/wins', { text: 'Pat’s own win' }));

      const answer = (await apiGet(server, `/api/v1/wins/${win.id}/kudos`)).body;
      assert.equal(answer.kudos.length, 2);
      assert.deepEqual(answer.shared_with, [{ id: circle.id, name: 'Evening walkers' }]);

      // Notifications → the kudos → the win's page.
      await bypassCspForTestScripts(context, page);
      await page.goto(server.base + '/');
      await signIn(page, server);
      await page.goto(server.base + '/notifications');
      await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
      const note = page.locator('.notification').filter({ hasText: 'Kudos on your win' }).first();
      await note.getByText(`On your win “${WIN}”`).waitFor();
      await note.getByRole('link', { name: 'See the win and its kudos' }).click();
      await page.waitForURL((u) => u.pathname === `/wins/${win.id}`);
      await page.getByRole('heading', { level: 1, name: 'Your win' }).waitFor();

      // The win: its text (as text), size, day and goal.
      assert.equal(await page.locator('.wins-text').textContent(), WIN);
      assert.equal(await text(page.locator('.wins-summary .win-size')), 'Big win');
      assert.equal(await page.locator('.wins-summary time').getAttribute('datetime'), win.date);
      const goalLink = page.locator('.wins-goal a');
      await goalLink.filter({ hasText: goal.title }).waitFor();
      assert.equal(await goalLink.getAttribute('href'), `/goals/${goal.id}`);

      // Both kudos, exactly as the API has them.
      await page.locator('.wins-kudos-item').nth(1).waitFor();
      const expected = expectedKudos(answer, me.timezone);
      assert.deepEqual(await shownKudos(page), expected);
      assert.deepEqual(expected.map((k) => k.source).sort(), ['as your partner', 'in Evening walkers']);
      assert.equal(await text(page.locator('#wins-kudos-title')), 'Kudos (2)');
      assert.equal(await page.evaluate(() => window.__xss), undefined, 'user text is text');
      assert.equal(await page.getByRole('img', { name: 'Celebrate' }).count(), 1, 'the emoji has a name');

      // Shared with: the circle, and a form offering the other circle.
      const shared = page.locator('.wins-circle');
      assert.deepEqual(await shared.locator('.wins-circle-name').allTextContents(), ['Evening walkers']);
      await page.getByLabel('Circle', { exact: true }).waitFor();
      // Every other circle of Sam's: Runners, and the demo's Evenings back.
      const others = (await apiGet(server, '/api/v1/circles')).body.map((c) => c.name).filter((n) => n !== 'Evening walkers');
      assert.deepEqual(others.sort(), ['Evenings back', 'Runners']);
      assert.deepEqual((await page.locator('#wins-share-circle option').allTextContents()).sort(), others);
      await checkLayout(context, page, 'win page');

      // Stop sharing, by keyboard: asked once, then the circle's kudos go.
      await page.getByRole('button', { name: 'Stop sharing with Evening walkers' }).focus();
      await page.keyboard.press('Enter');
      await page.getByText('The kudos sent there go with it.').waitFor();
      await page.getByRole('button', { name: 'Yes, stop sharing' }).click();
      await page.getByRole('status').filter({ hasText: 'No longer shared with Evening walkers.' }).waitFor();
      const after = (await apiGet(server, `/api/v1/wins/${win.id}/kudos`)).body;
      assert.deepEqual(after.shared_with, []);
      assert.deepEqual(after.kudos.map((k) => k.circle_id), [null]);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Your win' }).waitFor();
      await page.locator('.wins-kudos-item').first().waitFor();
      assert.deepEqual(await shownKudos(page), expectedKudos(after, me.timezone));
      assert.equal(await page.locator('.wins-kudos-item').filter({ hasText: 'in Evening walkers' }).count(), 0);
      await page.getByText('Not shared with any of your circles yet.').waitFor();

      // Share it with Runners from the page.
      await page.locator('#wins-share-circle option').nth(2).waitFor({ state: 'attached' });
      assert.deepEqual((await page.locator('#wins-share-circle option').allTextContents()).sort(), ['Evening walkers', 'Evenings back', 'Runners']);
      await page.getByLabel('Circle', { exact: true }).selectOption(String(runners.id));
      await page.getByRole('button', { name: 'Share', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Shared with Runners.' }).waitFor();
      await shared.filter({ hasText: 'Runners' }).waitFor();
      assert.deepEqual((await apiGet(server, `/api/v1/wins/${win.id}/kudos`)).body.shared_with, [{ id: runners.id, name: 'Runners' }]);

      // Shared elsewhere meanwhile: the API's refusal shows under the select.
      await ok(apiSend(server, 'POST', `/api/v1/circles/${circle.id}/shares`, { win_id: win.id }));
      assert.deepEqual((await page.locator('#wins-share-circle option').allTextContents()).sort(), ['Evening walkers', 'Evenings back']);
      await page.getByRole('button', { name: 'Share', exact: true }).click();
      await page.locator('#wins-share-circle-error').filter({ hasText: 'This win is already shared with that circle.' }).waitFor();
      assert.equal(await page.getAttribute('#wins-share-circle', 'aria-invalid'), 'true');
      assert.match(await page.getAttribute('#wins-share-circle', 'aria-describedby'), /wins-share-circle-error/);

      // From the journal, the win's text leads to its page.
      await page.getByRole('link', { name: '← All wins' }).click();
      await page.getByRole('heading', { level: 1, name: 'Wins journal' }).waitFor();
      await page.locator('.win-list .win-text a', { hasText: WIN }).click();
      await page.waitForURL((u) => u.pathname === `/wins/${win.id}`);
      await page.getByRole('heading', { level: 1, name: 'Your win' }).waitFor();
      await page.locator('.wins-text').filter({ hasText: WIN }).waitFor();

      // A win without kudos: a calm empty state.
      await page.goto(`${server.base}/wins/${quiet.id}`);
      await page.locator('.wins-text').filter({ hasText: QUIET_WIN }).waitFor();
      await page.getByText('No kudos yet. Share it with a circle below').waitFor();
      assert.equal(await page.locator('.wins-goal').count(), 0, 'no goal line for a win without a goal');
      await checkLayout(context, page, 'win page, no kudos');

      // Someone else's win is simply not there.
      await page.goto(`${server.base}/wins/${patWin.id}`);
      await page.getByRole('heading', { level: 1, name: 'Win not found' }).waitFor();
      assert.equal(await page.getByText(patWin.text).count(), 0);
      assert.equal(await page.getByRole('link', { name: 'Go to your wins journal' }).getAttribute('href'), '/wins');
      await checkLayout(context, page, 'win not found');
      assert.deepEqual(problems, []);
    }, { demo: true });
  });
});
