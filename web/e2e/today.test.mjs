// End-to-end: a real `headway serve` with the built UI, driven in Debian's Chromium.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { XSS, skip, withApp } from './lib/app.mjs';
import { assertNoSeriousViolations, assertNoSidewaysScroll, bypassCspForTestScripts, signIn, tabTo } from './lib/browser.mjs';
import { apiGet } from './lib/server.mjs';

const todayOf = (page) => page.evaluate(() => document.querySelector('.page-date time')?.getAttribute('datetime'));

describe('the web UI', () => {
  test('sign in and check in with the keyboard only', { skip }, async () => {
    await withApp(async ({ server, page, problems }) => {
      await page.goto(server.base + '/');
      await page.getByRole('heading', { level: 1, name: 'Sign in to Headway' }).waitFor();
      await page.waitForURL((u) => u.pathname === '/sign-in');

      await tabTo(page, '#email');
      await page.keyboard.type(server.email);
      await page.keyboard.press('Tab');
      await page.keyboard.type(server.password);
      await page.keyboard.press('Enter');
      // A fresh account starts with onboarding; "Skip for now" (by keyboard too) leads to Today.
      await page.getByRole('heading', { level: 1, name: 'Welcome to Headway' }).waitFor();
      await page.waitForURL((u) => u.pathname === '/welcome');
      await tabTo(page, 'button.onb-skip', { max: 80 });
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
      await page.locator('#checkin-start').waitFor();
      await page.waitForURL((u) => u.pathname === '/');

      await tabTo(page, '#checkin-start');
      await page.keyboard.type('9:05');
      await page.keyboard.press('Tab');
      await page.keyboard.type('17:40');
      await tabTo(page, '#checkin-stress-1');
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowRight'); // stress 2
      await tabTo(page, '#checkin-energy-1');
      await page.keyboard.press('Space');
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight'); // energy 4
      await tabTo(page, '#checkin-after_hours');
      await page.keyboard.type('15');
      await page.keyboard.press('Tab');
      await page.keyboard.type('30');
      await tabTo(page, '#checkin-progress');
      await page.keyboard.press('Space');
      await tabTo(page, '#checkin-note');
      await page.keyboard.type('Walked home <b>early</b>');
      await tabTo(page, 'button[type=submit]');
      assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Save check-in');
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'Check-in saved.' }).waitFor();

      const date = await todayOf(page);
      const stored = await apiGet(server, `/api/v1/checkins/${date}`);
      assert.equal(stored.status, 200);
      assert.deepEqual(
        { start: stored.body.start, end: stored.body.end, stress: stored.body.stress, energy: stored.body.energy,
          after_hours: stored.body.after_hours, break: stored.body.break, progress: stored.body.progress,
          setback: stored.body.setback, off: stored.body.off, note: stored.body.note },
        { start: '09:05', end: '17:40', stress: 2, energy: 4, after_hours: 15, break: 30, progress: true,
          setback: false, off: false, note: 'Walked home <b>early</b>' },
      );
      // Reloading prefills the form from the stored check-in.
      await page.reload();
      await page.locator('#checkin-start').waitFor();
      assert.equal(await page.inputValue('#checkin-start'), '09:05');
      assert.equal(await page.isChecked('#checkin-energy-4'), true);
      assert.equal(await page.getByRole('button', { name: 'Update check-in' }).count(), 1);
      assert.deepEqual(problems, []);
    });
  });

  test('a win whose text is markup is shown as text and never runs', { skip }, async () => {
    await withApp(async ({ server, page, problems }) => {
      await page.goto(server.base + '/');
      await signIn(page, server, { skipWelcome: true });
      await page.getByText('No wins logged today yet').waitFor();
      await page.getByLabel('What went well?').fill(XSS);
      await page.getByLabel('Size').selectOption('big');
      await page.getByRole('button', { name: 'Log win' }).click();
      await page.getByRole('status').filter({ hasText: 'Win logged.' }).waitFor();

      for (const when of ['after logging', 'after a reload']) {
        const texts = await page.locator('.win-list .win-text').allTextContents();
        assert.deepEqual(texts, [XSS], when);
        assert.equal(await page.locator('.win-list img').count(), 0, when);
        assert.equal(await page.evaluate(() => window.__xss), undefined, when);
        await page.reload();
        await page.locator('.win-list').waitFor();
      }
      const date = await todayOf(page);
      const wins = await apiGet(server, `/api/v1/wins?from=${date}&to=${date}`);
      assert.deepEqual(wins.body.map((w) => [w.text, w.size]), [[XSS, 'big']]);
      assert.deepEqual(problems, []);
    });
  });

  test('a write without the CSRF token is refused', { skip }, async () => {
    await withApp(async ({ server, page }) => {
      await page.goto(server.base + '/');
      await signIn(page, server, { skipWelcome: true });
      const put = (withToken) => page.evaluate(async (withToken) => {
        const headers = { 'Content-Type': 'application/json' };
        if (withToken) {
          const s = await (await fetch('/api/v1/auth/session')).json();
          headers['X-CSRF-Token'] = s.csrf_token;
        }
        const r = await fetch('/api/v1/checkins/today', {
          method: 'PUT', headers, body: JSON.stringify({ off: true, stress: 3, energy: 3 }),
        });
        return { status: r.status, body: await r.json() };
      }, withToken);
      const refused = await put(false);
      assert.equal(refused.status, 403);
      assert.equal(refused.body.error.code, 'forbidden');
      assert.equal((await apiGet(server, '/api/v1/checkins/today')).status, 404, 'nothing was stored');
      // The same request with the token goes through, so the token is what made the difference.
      assert.equal((await put(true)).status, 201);
    });
  });

  test('a session that ends while typing keeps the draft through signing in again', { skip }, async () => {
    await withApp(async ({ server, page, problems }) => {
      await page.goto(server.base + '/');
      await signIn(page, server, { skipWelcome: true });
      await page.getByText('How did today go?').waitFor();
      await page.getByLabel('Started work').fill('08:15');
      await page.getByLabel('Stopped work').fill('18:40');
      await page.locator('#checkin-stress-3').check();
      await page.locator('#checkin-energy-2').check();
      await page.getByLabel('Note (optional)').fill('Draft that must survive');
      await page.getByLabel('What went well?').fill('Said no to a late meeting');

      // The session ends behind the page's back.
      const status = await page.evaluate(async () => {
        const s = await (await fetch('/api/v1/auth/session')).json();
        const r = await fetch('/api/v1/auth/logout', { method: 'POST', headers: { 'X-CSRF-Token': s.csrf_token } });
        return r.status;
      });
      assert.equal(status, 204);

      await page.getByRole('button', { name: 'Save check-in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in to Headway' }).waitFor();
      await page.waitForURL((u) => u.pathname === '/sign-in');
      await page.getByText('Your session ended').waitFor();

      await signIn(page, server, { skipWelcome: true });
      await page.getByText('Restored the check-in you had not saved yet').waitFor();
      assert.equal(await page.inputValue('#checkin-start'), '08:15');
      assert.equal(await page.inputValue('#checkin-end'), '18:40');
      assert.equal(await page.isChecked('#checkin-stress-3'), true);
      assert.equal(await page.isChecked('#checkin-energy-2'), true);
      assert.equal(await page.inputValue('#checkin-note'), 'Draft that must survive');
      assert.equal(await page.inputValue('#win-text'), 'Said no to a late meeting');

      await page.getByRole('button', { name: 'Save check-in' }).click();
      await page.getByRole('status').filter({ hasText: 'Check-in saved.' }).waitFor();
      const date = await todayOf(page);
      const stored = await apiGet(server, `/api/v1/checkins/${date}`);
      assert.equal(stored.body.note, 'Draft that must survive');
      assert.equal(stored.body.stress, 3);
      const kept = await page.evaluate(() => JSON.parse(sessionStorage.getItem('headway.drafts.v1') ?? '{}'));
      assert.equal(kept.checkin, undefined, 'the saved check-in is no longer a draft');
      assert.deepEqual(problems, []);
    });
  });

  test('axe-core finds no serious or critical problems on sign-in and Today, light and dark', { skip }, async () => {
    await withApp(async ({ server, context, page }) => {
      await bypassCspForTestScripts(context, page);
      await page.goto(server.base + '/');
      await page.getByRole('heading', { level: 1, name: 'Sign in to Headway' }).waitFor();
      await assertNoSeriousViolations(page, 'sign-in');
      // An error next to a field is part of the page too.
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('Enter the e-mail address of your account.').waitFor();
      await assertNoSeriousViolations(page, 'sign-in with errors');

      await signIn(page, server, { skipWelcome: true });
      await page.getByText('No wins logged today yet').waitFor();
      await page.getByText('You have no boundaries yet').waitFor();
      await page.getByRole('button', { name: 'Save check-in' }).click();
      await page.getByText('Choose how stressed you felt').waitFor();
      await assertNoSeriousViolations(page, 'today');

      // Phones: nothing wider than a 375 px screen.
      await page.setViewportSize({ width: 375, height: 800 });
      await assertNoSidewaysScroll(page, 'today');
      await assertNoSeriousViolations(page, 'today at 375 px');
    });
  });
});
