// End-to-end: create a circle, then sign a pledge until it activates. One person in the browser
// (a fresh account), two more over the API; plus shared wins with kudos both ways.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { XSS, skip, withApp } from './lib/app.mjs';
import { assertNoSeriousViolations, assertNoSidewaysScroll, bypassCspForTestScripts, signIn } from './lib/browser.mjs';
import { apiGet, apiSend, otherPerson } from './lib/server.mjs';

// Another person, signed in from Node with their own session.
const member = otherPerson;

// A day as the page writes it: in the browser's locale, in the account's zone (UTC for a fresh account).
const dayInPage = (page, ms) => page.evaluate((t) => new Intl.DateTimeFormat(undefined, {
  weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC',
}).format(new Date(t)), ms);

const text = async (locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

describe('circles', () => {
  test('create a circle, invite two people, and sign a pledge until it activates; share a win and get kudos', { skip }, async () => {
    await withApp(async ({ server, context, page, problems }) => {
      const bo = await member(server, 'bo@example.org');
      const cy = await member(server, 'cy@example.org');
      await bypassCspForTestScripts(context, page);
      await page.goto(server.base + '/');
      await signIn(page, server, { skipWelcome: true });

      // The list starts empty, calmly; the nav item leads there.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Circles' }).click();
      await page.getByRole('heading', { level: 1, name: 'Circles' }).waitFor();
      await page.getByText('You are not in a circle yet.').waitFor();
      await assertNoSeriousViolations(page, 'circles, empty');

      // A join code nobody made: the API's 404 shows next to the field.
      await page.getByLabel('Invite code').fill('hwc_nobody-made-this');
      await page.getByRole('button', { name: 'Join the circle' }).click();
      await page.locator('#circle-join-code-error').waitFor();
      assert.match(await text(page.locator('#circle-join-code-error')), /No circle has this code/);
      assert.equal(await page.getByLabel('Invite code').getAttribute('aria-invalid'), 'true');

      // Creating without a name is stopped next to the field; then the circle is made.
      await page.getByRole('button', { name: 'Start the circle' }).click();
      assert.equal(await text(page.locator('#circle-name-error')), 'Give the circle a name.');
      await page.getByLabel('Name', { exact: true }).fill('Evening offline');
      await page.getByLabel('Purpose (optional)').fill(`Stop answering after 19:00 ${XSS}`);
      await page.getByRole('button', { name: 'Start the circle' }).click();
      await page.waitForURL((u) => /^\/circles\/\d+$/.test(u.pathname));
      const circleId = Number(new URL(page.url()).pathname.split('/')[2]);
      await page.getByRole('heading', { level: 1, name: 'Evening offline' }).waitFor();
      assert.equal(await text(page.locator('.circles-purpose')), `Stop answering after 19:00 ${XSS}`, 'user text shows as text');
      assert.equal(await page.evaluate(() => window.__xss), undefined);
      const listed = (await apiGet(server, '/api/v1/circles')).body;
      assert.deepEqual(listed.map((c) => [c.id, c.name, c.owner, c.members]), [[circleId, 'Evening offline', true, 1]]);

      // The owner makes an invite code valid for 3 days; it shows once, with its expiry.
      await page.getByLabel('Code works for').selectOption('3');
      await page.getByRole('button', { name: 'Make an invite code' }).click();
      const code = await text(page.locator('#circle-invite-code'));
      assert.match(code, /^hwc_[A-Za-z0-9_-]{43}$/);
      await page.getByRole('button', { name: 'Copy' }).waitFor();
      const expiry = await text(page.locator('.circles-invite-expiry'));
      const expected = await dayInPage(page, Date.now() + 3 * 86400000);
      assert.ok(expiry.includes(expected), `${expiry} names the day three days ahead (${expected})`);
      for (const m of [bo, cy]) assert.equal((await m('POST', '/api/v1/circles/join', { code })).status, 200, 'joins with the code');

      // Joining your own circle again is a 409, shown next to the code.
      await page.getByRole('link', { name: '← All circles' }).click();
      await page.locator('.circles-item').first().waitFor();
      assert.equal(await text(page.locator('.circles-item-members')), '3 members');
      assert.equal(await text(page.locator('.circles-item .pill')), 'owner');
      await page.getByLabel('Invite code').fill(code);
      await page.getByRole('button', { name: 'Join the circle' }).click();
      await page.locator('#circle-join-code-error').waitFor();
      assert.equal(await text(page.locator('#circle-join-code-error')), 'You are already a member of this circle.');
      await assertNoSeriousViolations(page, 'circles, with one');
      await page.locator('.circles-item-name').click();
      await page.getByRole('heading', { level: 1, name: 'Evening offline' }).waitFor();
      await page.locator('.circles-member').nth(2).waitFor();
      assert.deepEqual(await page.locator('.circles-member-name').allTextContents(), ['sam', 'bo', 'cy']);

      // Proposing: a threshold of 1 and a past deadline are stopped next to their fields.
      await page.getByLabel('I will…').fill('No work messages after 19:00');
      await page.getByLabel('If this many of us sign').fill('1');
      await page.getByLabel('Deadline (optional)').fill('2020-01-01');
      await page.getByRole('button', { name: 'Propose the pledge' }).click();
      assert.match(await text(page.locator('#pledge-threshold-error')), /at least 2/);
      assert.match(await text(page.locator('#pledge-deadline-error')), /passed/);
      assert.equal(await page.getByLabel('If this many of us sign').getAttribute('aria-invalid'), 'true');
      assert.equal((await apiGet(server, `/api/v1/circles/${circleId}/pledges`)).body.length, 0, 'nothing was sent');

      await page.getByLabel('If this many of us sign').fill('3');
      await page.getByLabel('Deadline (optional)').fill('');
      await page.getByLabel('Track it against a boundary (optional)').selectOption('no-messages-after');
      await page.getByRole('button', { name: 'Propose the pledge' }).click();
      const card = page.locator('.circles-pledge').first();
      await card.waitFor();
      const pledgeId = Number(await card.getAttribute('data-pledge-id'));
      const pledgeNow = async () => (await apiGet(server, `/api/v1/pledges/${pledgeId}`)).body;
      let api = await pledgeNow();
      assert.deepEqual([api.text, api.threshold, api.signers, api.status, api.boundary_type],
        ['No work messages after 19:00', 3, 0, 'collecting', 'no-messages-after']);
      assert.equal(await text(card.locator('.circles-pledge-progress')), '0 of 3 signed');
      assert.match(await text(card.locator('.circles-pledge-summary')), /^It starts when 3 more signatures arrive, by .+2026|2027/);

      // Sign in the UI: the meter says 1 of 3, as the API does.
      await card.getByRole('button', { name: 'Sign', exact: true }).click();
      await card.getByText('1 of 3 signed').waitFor();
      api = await pledgeNow();
      assert.equal(api.signers, 1);
      assert.equal(await text(card.locator('.circles-pledge-progress')), `${api.signers} of ${api.threshold} signed`);
      assert.equal(await card.locator('meter').getAttribute('value'), '1');
      assert.equal(await card.locator('meter').getAttribute('max'), '3');
      assert.equal(await card.locator('meter').getAttribute('aria-labelledby'), `pledge-${pledgeId}-progress`);
      // Withdrawing works while it collects; then sign again.
      await card.getByRole('button', { name: 'Withdraw my signature' }).click();
      await card.getByText('0 of 3 signed').waitFor();
      assert.equal((await pledgeNow()).signers, 0);
      await card.getByRole('button', { name: 'Sign', exact: true }).click();
      await card.getByText('1 of 3 signed').waitFor();

      // Bo signs over the API; after a reload the count says 2, and still no names.
      assert.equal((await bo('POST', `/api/v1/pledges/${pledgeId}/sign`)).status, 200);
      await page.reload();
      await page.locator('.circles-pledge').first().waitFor();
      assert.equal(await text(card.locator('.circles-pledge-progress')), '2 of 3 signed');
      assert.equal(await text(card.locator('.circles-pledge-status')), 'Collecting signatures');
      assert.doesNotMatch(await text(page.locator('.circles-pledges')), /\b(bo|cy)\b/, 'signers are never named');

      // Cy's signature activates it; the UI shows it active, with the API's note on the group figure.
      assert.equal((await cy('POST', `/api/v1/pledges/${pledgeId}/sign`)).body.status, 'active');
      await page.reload();
      await page.locator('.circles-pledge').first().waitFor();
      api = await pledgeNow();
      assert.equal(api.status, 'active');
      assert.equal(await text(card.locator('.circles-pledge-status')), 'Active');
      assert.equal(await text(card.locator('.circles-pledge-progress')), '3 of 3 signed');
      assert.equal(await text(card.locator('.circles-pledge-summary')), `Active since ${await dayInPage(page, Date.parse(api.activated_at))}.`);
      assert.equal(await text(card.locator('.circles-pledge-adherence')), api.adherence_note);
      assert.equal(await card.getByRole('button', { name: 'Withdraw my signature' }).count(), 0, 'no withdrawing once active');
      const notes = (await apiGet(server, '/api/v1/notifications')).body.notifications;
      const activated = notes.filter((n) => n.kind === 'pledge_activated');
      assert.equal(activated.length, 1, 'the UI user was told once');
      assert.equal(activated[0].object_id, pledgeId);

      // Share a win in the UI, then another member's kudos (sent over the API) shows on it.
      const win = (await apiSend(server, 'POST', '/api/v1/wins', { text: 'Closed the laptop at 17:30', size: 'medium' })).body;
      await page.reload();
      await page.locator('#circle-share-win').waitFor();
      assert.equal(await page.getByLabel('One of your wins from the last 30 days').inputValue(), String(win.id));
      await page.getByRole('button', { name: 'Share with the circle' }).click();
      const mine = page.locator(`.circles-feed-item[data-win-id="${win.id}"]`);
      await mine.waitFor();
      assert.equal(await text(mine.locator('.circles-feed-text')), 'Closed the laptop at 17:30');
      assert.equal(await text(mine.locator('.circles-feed-author')), 'You');
      assert.equal(await page.locator('#circle-share-win').count(), 0, 'the shared win is no longer offered');
      assert.equal((await bo('POST', `/api/v1/circles/${circleId}/wins/${win.id}/kudos`, { emoji: '👏', message: 'Proud of you' })).status, 201);
      await page.reload();
      await mine.locator('.circles-kudos').waitFor();
      assert.equal(await text(mine.locator('.circles-kudos')), '👏 Proud of you from bo');
      assert.equal(await mine.getByRole('button', { name: 'Send kudos' }).count(), 0, 'no kudos on your own win');

      // Kudos the other way: Bo shares a win, the UI user sends 🌱 with a message.
      const boWin = (await bo('POST', '/api/v1/wins', { text: 'Lunch away from the desk' })).body;
      assert.equal((await bo('POST', `/api/v1/circles/${circleId}/shares`, { win_id: boWin.id })).status, 201);
      await page.reload();
      const theirs = page.locator(`.circles-feed-item[data-win-id="${boWin.id}"]`);
      await theirs.waitFor();
      assert.deepEqual(await page.locator('.circles-feed-item').evaluateAll((els) => els.map((e) => Number(e.dataset.winId))),
        [boWin.id, win.id], 'newest first');
      await theirs.getByRole('button', { name: 'Send kudos' }).click();
      await theirs.getByRole('button', { name: 'Send kudos' }).click();  // nothing picked yet
      assert.equal(await text(theirs.locator(`#kudos-${boWin.id}-emoji-error`)), 'Pick an emoji to send.');
      await theirs.getByLabel('Growing').check();
      await theirs.getByLabel('Message (optional)').fill('x'.repeat(281));
      await theirs.getByRole('button', { name: 'Send kudos' }).click();
      assert.match(await text(theirs.locator(`#kudos-${boWin.id}-message-error`)), /280/);
      await theirs.getByLabel('Message (optional)').fill('Good call');
      await theirs.getByRole('button', { name: 'Send kudos' }).click();
      await theirs.locator('.circles-kudos').waitFor();
      assert.equal(await text(theirs.locator('.circles-kudos')), '🌱 Good call from sam');
      const boFeed = (await bo('GET', `/api/v1/circles/${circleId}/feed`)).body;
      const got = boFeed.entries.find((e) => e.win_id === boWin.id).kudos;
      assert.deepEqual(got.map((k) => [k.emoji, k.message, k.from]), [['🌱', 'Good call', 'sam']]);

      // Accessibility in light and dark, and no sideways scrolling on a phone.
      await assertNoSeriousViolations(page, 'circle page');
      await page.setViewportSize({ width: 375, height: 800 });
      await page.reload();
      await page.locator('.circles-feed-item').first().waitFor();
      await assertNoSidewaysScroll(page, 'circle page');
      await page.goto(`${server.base}/circles`);
      await page.locator('.circles-item').first().waitFor();
      await assertNoSidewaysScroll(page, 'circles');

      // A circle you are not in reads as calmly as one that does not exist.
      await page.goto(`${server.base}/circles/${circleId + 100}`);
      await page.getByText('This circle does not exist or you are not a member.').waitFor();
      await assertNoSeriousViolations(page, 'circle not found');

      assert.deepEqual(problems, []);
    });
  });

  test('leaving a circle: a confirmation that says what leaves with you, and the circle passes on', { skip }, async () => {
    await withApp(async ({ server, page, problems }) => {
      const bo = await member(server, 'bo@example.org');
      await page.goto(server.base + '/');
      await signIn(page, server, { skipWelcome: true });
      const circle = (await apiSend(server, 'POST', '/api/v1/circles', { name: 'Lunch club' })).body;
      const invite = (await apiSend(server, 'POST', `/api/v1/circles/${circle.id}/invites`, {})).body;
      assert.equal((await bo('POST', '/api/v1/circles/join', { code: invite.code })).status, 200);
      await page.goto(`${server.base}/circles/${circle.id}`);
      await page.getByRole('heading', { level: 1, name: 'Lunch club' }).waitFor();
      await page.getByText('No pledges yet.').waitFor();
      await page.getByText('Nobody has shared a win here yet.').waitFor();
      await page.getByText('No recent wins left to share.').waitFor();
      await page.getByRole('button', { name: 'Leave circle' }).click();
      const confirm = page.getByRole('group', { name: 'Leave Lunch club?' });
      assert.match(await text(confirm), /shared wins and the kudos on them leave with you/);
      assert.match(await text(confirm), /passes to the member who has been in it longest/);
      await confirm.getByRole('button', { name: 'Stay' }).click();
      assert.equal(await page.getByRole('group', { name: 'Leave Lunch club?' }).count(), 0);
      await page.getByRole('button', { name: 'Leave circle' }).click();
      await page.getByRole('button', { name: 'Yes, leave' }).click();
      await page.waitForURL((u) => u.pathname === '/circles');
      await page.getByText('You are not in a circle yet.').waitFor();
      const boSees = (await bo('GET', `/api/v1/circles/${circle.id}`)).body;
      assert.deepEqual([boSees.owner, boSees.members], [true, 1], 'the circle passed to bo');
      assert.deepEqual(problems, []);
    });
  });
});
