// End-to-end: the calendar feed in Settings: make it, subscribe to the link it shows (fetched from
// Node, as a calendar app would), change the reminder, make a new link, turn it off.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { skip, withApp } from './lib/app.mjs';
import { assertNoSeriousViolations, assertNoSidewaysScroll, bypassCspForTestScripts, signIn } from './lib/browser.mjs';
import { apiGet, apiSend } from './lib/server.mjs';

// The lines of an iCalendar text, unfolded.
const unfold = (text) => text.replace(/\r\n[ \t]/g, '').split('\r\n');

describe('calendar feed', () => {
  test('create the feed in Settings, subscribe to its link, change the reminder, replace and turn it off', { skip }, async () => {
    await withApp(async ({ server, context, page, problems }) => {
      assert.equal((await apiSend(server, 'PATCH', '/api/v1/me', { timezone: 'Europe/Berlin' })).status, 200);
      assert.equal((await apiSend(server, 'POST', '/api/v1/boundaries', { type: 'no-messages-after', time: '19:00' })).status, 201);
      await bypassCspForTestScripts(context, page);
      await page.goto(server.base + '/');
      await signIn(page, server, { skipWelcome: true });
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();

      const section = page.locator('section[aria-labelledby="feed-title"]');
      const create = section.getByRole('button', { name: 'Create a calendar feed' });
      await create.waitFor();
      await assertNoSeriousViolations(page, 'settings, no feed');
      await create.click();

      // The link, once, in a read-only field with a Copy button and what subscribing means.
      const field = section.getByLabel('Calendar link', { exact: true });
      await field.waitFor();
      const url = await field.inputValue();
      assert.match(url, new RegExp(`^${server.base}/feed/hwf_[A-Za-z0-9_-]{43}\\.ics$`));
      assert.equal(await field.getAttribute('readonly'), '');
      await section.getByRole('button', { name: 'Copy' }).waitFor();
      assert.match(await section.textContent(), /never your notes/);
      assert.match(await section.textContent(), /Google Calendar/);
      await assertNoSeriousViolations(page, 'settings, new feed link');

      // A calendar app fetches it without any cookie: a calendar with the reminder's alarm at 17:30.
      const res = await fetch(url);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'text/calendar; charset=utf-8');
      const lines = unfold(await res.text());
      assert.equal(lines[0], 'BEGIN:VCALENDAR');
      assert.ok(lines.includes('BEGIN:VALARM'));
      assert.ok(lines.includes('SUMMARY:Protected: no messages'));
      assert.ok(lines.some((l) => /^DTSTART;TZID=Europe\/Berlin:\d{8}T173000$/.test(l)), 'the reminder at 17:30');

      // The link goes away once copied; the page shows the feed's facts, never the token again.
      await section.getByRole('button', { name: 'I have copied it' }).click();
      assert.equal(await section.getByLabel('Calendar link', { exact: true }).count(), 0);
      assert.match(await section.textContent(), /Your feed is on/);
      assert.ok(!(await page.content()).includes(url.split('/feed/')[1]), 'the token is gone from the page');

      // The reminder: a bad time is refused next to the field; a good one reaches the feed.
      const reminder = section.getByLabel('Check-in reminder (HH:MM)');
      assert.equal(await reminder.inputValue(), '17:30');
      await reminder.fill('25:00');
      await section.getByRole('button', { name: 'Save reminder' }).click();
      await section.getByText('Enter a time as HH:MM, such as 17:30.').waitFor();
      assert.equal(await reminder.getAttribute('aria-invalid'), 'true');
      await reminder.fill('18:45');
      await section.getByRole('button', { name: 'Save reminder' }).click();
      await section.getByRole('status').filter({ hasText: 'The check-in reminder is at 18:45.' }).waitFor();
      assert.equal((await apiGet(server, '/api/v1/calendar-feed')).body.reminder, '18:45');
      assert.ok(unfold(await (await fetch(url)).text()).some((l) => /T184500$/.test(l) && l.startsWith('DTSTART')));

      // A new link, after a warning that the old one stops working.
      await section.getByRole('button', { name: 'New link…' }).click();
      await section.getByText(/the old link stops working at once/).waitFor();
      await assertNoSeriousViolations(page, 'settings, confirming a new link');
      await section.getByRole('button', { name: 'Make a new link' }).click();
      const next = await section.getByLabel('Calendar link', { exact: true }).inputValue();
      assert.notEqual(next, url);
      assert.equal((await fetch(url)).status, 404, 'the old link is dead');
      assert.equal((await fetch(next)).status, 200);

      await page.setViewportSize({ width: 375, height: 800 });
      await page.waitForTimeout(200);
      await assertNoSidewaysScroll(page, 'settings with a feed at 375 px');
      await page.setViewportSize({ width: 1280, height: 900 });

      // Turn it off: the link answers 404 and the section offers a new feed.
      await section.getByRole('button', { name: 'Turn off' }).click();
      await section.getByRole('status').filter({ hasText: 'The calendar feed is off.' }).waitFor();
      await create.waitFor();
      assert.equal((await fetch(next)).status, 404);
      assert.deepEqual((await apiGet(server, '/api/v1/calendar-feed')).body, { exists: false });
      await assertNoSeriousViolations(page, 'settings, feed turned off');
      assert.deepEqual(problems, []);
    });
  });
});
