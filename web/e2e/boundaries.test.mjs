// End-to-end: the boundaries page (heatmaps, evidence, adding and removing) and the weekly review,
// against a real `headway serve` with the demo person's data, in Debian's Chromium.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { XSS, skip, withApp } from './lib/app.mjs';
import { assertNoSeriousViolations, assertNoSidewaysScroll, bypassCspForTestScripts, signIn } from './lib/browser.mjs';
import { apiGet, apiSend } from './lib/server.mjs';

const DAY_MS = 86_400_000;
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const utc = (d) => new Date(`${d}T00:00:00Z`);
const addDays = (d, n) => new Date(utc(d).getTime() + n * DAY_MS).toISOString().slice(0, 10);
const weekday = (d) => (utc(d).getUTCDay() + 6) % 7;
const mondayOf = (d) => addDays(d, -weekday(d));
const shortDay = (d) => `${WEEKDAYS[weekday(d)]} ${utc(d).getUTCDate()} ${MONTHS[utc(d).getUTCMonth()]}`;
const todayIn = (timeZone) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

// The range the page shows: twelve whole weeks from a Monday up to today, in the person's zone.
async function heatmapRange(server) {
  const me = await apiGet(server, '/api/v1/me');
  const today = todayIn(me.body.timezone);
  const from = addDays(mondayOf(today), -77);
  return { today, from, to: today, days: Math.round((utc(today) - utc(from)) / DAY_MS) + 1 };
}

async function openPage(page, server, name, heading) {
  await page.goto(server.base + '/');
  await signIn(page, server);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

const openBoundaries = async (page, server) => {
  await openPage(page, server, 'Boundaries', 'Boundaries');
  await page.locator('.bnd-list, .bnd-main .status-note--empty').first().waitFor();
};

const openReview = async (page, server) => {
  await openPage(page, server, 'Review', 'Weekly review');
  await page.getByRole('heading', { level: 2, name: 'Wins of the week' }).waitFor();
};

const title = (b) => b.label || b.description;
const grid = (page, b) => page.getByRole('grid', { name: `Last 12 weeks: ${title(b)}` });

describe('boundaries and the weekly review', () => {
  test('each heatmap has a cell per day, and its kept and broken cells are the API’s; a day shows its evidence', { skip }, async () => {
    await withApp(async ({ server, page, problems }) => {
      await openBoundaries(page, server);
      const { from, to, days } = await heatmapRange(server);
      const boundaries = (await apiGet(server, '/api/v1/boundaries')).body;
      const evaluations = (await apiGet(server, `/api/v1/boundaries/check?from=${from}&to=${to}`)).body;
      assert.ok(boundaries.length >= 3, 'the demo person has boundaries');
      assert.equal(await page.getByRole('grid').count(), boundaries.length);

      for (const b of boundaries) {
        const mine = evaluations.filter((e) => e.boundary_id === b.id);
        const count = (status) => mine.filter((e) => e.status === status).length;
        const cells = grid(page, b).getByRole('button');
        assert.equal(await cells.count(), days, `${title(b)}: one cell per day from ${from} to ${to}`);
        for (const status of ['kept', 'broken', 'unknown']) {
          assert.equal(await grid(page, b).locator(`button[data-status="${status}"]`).count(), count(status), `${title(b)}: ${status} cells`);
        }
        assert.equal(await grid(page, b).locator('button[data-status="not-applicable"]').count(), days - mine.length);
        // The kept rate is kept / (kept + broken) of the same evaluations.
        const kept = count('kept');
        const broken = count('broken');
        const card = page.locator('.bnd-card').filter({ has: grid(page, b) });
        const figure = await card.locator('.bnd-rate-figure').textContent();
        assert.equal(figure, kept + broken === 0 ? '–' : `${Math.round((100 * kept) / (kept + broken))}%`);
        // Only the selected day is in the Tab order: one Tab stop per grid.
        assert.equal(await grid(page, b).locator('button[tabindex="0"]').count(), 1);
      }

      // Select a broken day by its accessible name, which carries the status and the evidence.
      const brokenDay = evaluations.find((e) => e.status === 'broken');
      assert.ok(brokenDay, 'the demo data has a broken day in the last twelve weeks');
      const owner = boundaries.find((b) => b.id === brokenDay.boundary_id);
      await grid(page, owner)
        .getByRole('button', { name: `${shortDay(brokenDay.date)}: broken, ${brokenDay.evidence}`, exact: true })
        .click();
      const panel = page.locator('.bnd-day');
      await panel.locator(`h2 time[datetime="${brokenDay.date}"]`).waitFor();
      for (const b of boundaries) {
        const ev = evaluations.find((e) => e.boundary_id === b.id && e.date === brokenDay.date);
        const item = panel.locator(`.bnd-day-item[data-boundary="${b.id}"]`);
        assert.equal(await item.locator('.bnd-day-evidence').textContent(), ev ? ev.evidence : 'This boundary does not cover this day.');
        assert.equal(await item.locator('.bnd-status').textContent(), ev ? { kept: 'kept', broken: 'broken', unknown: 'no evidence' }[ev.status] : 'does not apply');
      }

      // The keyboard: ArrowRight is the same weekday a week later, ArrowDown the next day.
      const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-date'));
      const start = addDays(brokenDay.date, 7) <= to ? brokenDay.date : addDays(brokenDay.date, -7);
      await grid(page, owner).locator(`button[data-date="${start}"]`).click();
      await page.keyboard.press('ArrowRight');
      assert.equal(await focused(), addDays(start, 7));
      await panel.locator(`h2 time[datetime="${addDays(start, 7)}"]`).waitFor();
      await page.keyboard.press('ArrowUp');
      assert.equal(await focused(), addDays(start, 6));
      await panel.locator(`h2 time[datetime="${addDays(start, 6)}"]`).waitFor();
      const next = evaluations.find((e) => e.boundary_id === owner.id && e.date === addDays(start, 6));
      if (next) assert.equal(await panel.locator(`.bnd-day-item[data-boundary="${owner.id}"] .bnd-day-evidence`).textContent(), next.evidence);
      assert.deepEqual(problems, []);
    }, { demo: true });
  });

  test('add a boundary through the form, refuse bad values next to their field, and remove it', { skip }, async () => {
    await withApp(async ({ server, page, problems }) => {
      await openBoundaries(page, server);
      const before = (await apiGet(server, '/api/v1/boundaries')).body;
      const { days } = await heatmapRange(server);
      const form = page.locator('form', { has: page.locator('#bnd-form-type') });

      // Only the fields a type takes: a weekly cap asks for hours and nothing else.
      await form.getByLabel('Kind of boundary').selectOption({ label: 'A limit on weekly hours' });
      assert.equal(await page.locator('#bnd-form-days').count(), 0);
      await form.getByLabel('Hours a week, at most').fill('200');
      await form.getByRole('button', { name: 'Add boundary' }).click();
      await page.locator('#bnd-form-hours-error').filter({ hasText: 'Enter from 1 to 168 hours.' }).waitFor();
      assert.equal(await page.getAttribute('#bnd-form-hours', 'aria-invalid'), 'true');
      assert.match(await page.getAttribute('#bnd-form-hours', 'aria-describedby'), /bnd-form-hours-error/);

      // A value only the server can judge: its message sits under the field it names.
      await form.getByLabel('Kind of boundary').selectOption({ label: 'Work only within set hours' });
      await form.getByLabel('Days').fill('Funday');
      await form.getByLabel('From', { exact: true }).fill('9');
      await form.getByLabel('Until').fill('17:00');
      await form.getByRole('button', { name: 'Add boundary' }).click();
      await page.locator('#bnd-form-days-error').filter({ hasText: 'Funday' }).waitFor();
      assert.equal(await page.inputValue('#bnd-form-from'), '09:00', 'times are tidied to HH:MM');
      assert.deepEqual((await apiGet(server, '/api/v1/boundaries')).body, before, 'nothing was saved');

      await form.getByLabel('Kind of boundary').selectOption({ label: 'No messages after a set time' });
      await form.getByLabel('No messages after').fill('20:30');
      await form.getByLabel('In your own words (optional)').fill(XSS);
      await form.getByRole('button', { name: 'Add boundary' }).click();
      await page.getByRole('status').filter({ hasText: 'Added' }).waitFor();
      const after = (await apiGet(server, '/api/v1/boundaries')).body;
      assert.equal(after.length, before.length + 1);
      const added = after.find((b) => !before.some((o) => o.id === b.id));
      assert.equal(added.type, 'no-messages-after');
      assert.deepEqual(added.params, { time: '20:30' });
      assert.equal(added.label, XSS);

      // Its card and heatmap appear, the person's words shown as text.
      await page.locator('.bnd-card-title').filter({ hasText: XSS }).waitFor();
      await page.waitForFunction((n) => document.querySelectorAll('.bnd-heatmap').length === n, after.length);
      await grid(page, added).getByRole('button').first().waitFor();
      assert.equal(await grid(page, added).getByRole('button').count(), days);
      assert.equal(await page.evaluate(() => window.__xss), undefined);

      // Removing asks first; "Keep it" keeps it.
      await page.getByRole('button', { name: `Remove boundary: ${XSS}` }).click();
      await page.getByRole('button', { name: 'Keep it' }).click();
      assert.equal((await apiGet(server, '/api/v1/boundaries')).body.length, after.length);
      await page.getByRole('button', { name: `Remove boundary: ${XSS}` }).click();
      await page.getByRole('button', { name: 'Yes, remove it' }).click();
      await page.getByRole('status').filter({ hasText: 'Removed' }).waitFor();
      assert.deepEqual((await apiGet(server, '/api/v1/boundaries')).body.map((b) => b.id), before.map((b) => b.id));
      assert.equal(await page.locator('.bnd-card-title').filter({ hasText: XSS }).count(), 0);
      assert.deepEqual(problems, []);
    }, { demo: true });
  });

  test('with no boundaries the page says so, and the first one can be added from there', { skip }, async () => {
    await withApp(async ({ server, page, problems }) => {
      for (const b of (await apiGet(server, '/api/v1/boundaries')).body) {
        assert.equal((await apiSend(server, 'DELETE', `/api/v1/boundaries/${b.id}`)).status, 204);
      }
      await openBoundaries(page, server);
      await page.getByText('You have no boundaries yet.', { exact: false }).waitFor();
      assert.equal(await page.getByRole('grid').count(), 0);
      const form = page.locator('form', { has: page.locator('#bnd-form-type') });
      await form.getByLabel('Kind of boundary').selectOption({ label: 'No work at the weekend' });
      await form.getByRole('button', { name: 'Add boundary' }).click();
      await page.getByRole('grid', { name: 'Last 12 weeks: No work at the weekend' }).waitFor();
      assert.deepEqual((await apiGet(server, '/api/v1/boundaries')).body.map((b) => [b.type, b.params]), [['no-weekend-work', {}]]);
      assert.deepEqual(problems, []);
    }, { demo: true });
  });

  test('the review lists the week’s wins, moves to the previous week, and saves a values reflection', { skip }, async () => {
    await withApp(async ({ server, page, problems }) => {
      await openReview(page, server);
      const shownWeek = () => page.locator('.page-date time').getAttribute('datetime');
      const { today } = await heatmapRange(server);
      const thisMonday = mondayOf(today);
      assert.equal(await shownWeek(), thisMonday);
      assert.ok(await page.getByRole('button', { name: 'Next week' }).isDisabled(), 'no weeks beyond this one');

      const winsOf = async (monday) => {
        const report = (await apiGet(server, `/api/v1/reports/week?date=${monday}`)).body;
        const section = page.locator('section', { has: page.getByRole('heading', { name: 'Wins of the week' }) });
        if (report.wins.length === 0) await section.locator('.status-note--empty').waitFor();
        else await section.locator('.win-text').first().waitFor();
        assert.deepEqual((await section.locator('.win-text').allTextContents()).sort(), report.wins.map((w) => w.text).sort());
        return report;
      };
      await winsOf(thisMonday);

      // The previous week: its wins, and its broken boundaries with their evidence.
      let monday = thisMonday;
      let report;
      for (let i = 0; i < 8; i++) {
        await page.getByRole('button', { name: 'Previous week' }).click();
        monday = addDays(monday, -7);
        await page.waitForFunction((m) => document.querySelector('.page-date time')?.getAttribute('datetime') === m, monday);
        await page.getByRole('heading', { level: 2, name: 'Wins of the week' }).waitFor();
        report = await winsOf(monday);
        assert.match(await page.locator('.page-date').textContent(), new RegExp(report.week.replace(/^\d{4}-W0?/, 'Week ')));
        if (i === 0) assert.equal(new URL(page.url()).searchParams.get('week'), monday);
        if (report.boundaries.some((b) => b.broken > 0)) break;
      }
      const evidence = report.boundaries.flatMap((b) => b.broken_evidence);
      assert.ok(evidence.length > 0, 'a recent week has broken boundaries');
      assert.deepEqual((await page.locator('.review-evidence li').allTextContents()).sort(), evidence.sort());
      for (const sentence of report.what_helped) await page.locator('.review-helped li').filter({ hasText: sentence }).waitFor();

      // Back to this week, and a values reflection that persists.
      await page.getByRole('button', { name: 'This week' }).click();
      await page.waitForFunction((m) => document.querySelector('.page-date time')?.getAttribute('datetime') === m, thisMonday);
      await page.getByRole('heading', { level: 2, name: 'Values reflection' }).waitFor();
      await page.locator('.review-reflection').getByText('Loading', { exact: false }).waitFor({ state: 'detached' });
      await page.getByRole('group', { name: 'How well did this week reflect your values?' }).getByLabel('8', { exact: true }).check();
      await page.getByLabel('Note (optional)').fill('A calmer week; left on time twice.');
      await page.getByRole('button', { name: /^(Save|Update) reflection$/ }).click();
      await page.getByRole('status').filter({ hasText: /Reflection (saved|updated)\./ }).waitFor();
      const stored = (await apiGet(server, '/api/v1/reflections')).body.find((r) => r.week === thisMonday);
      assert.deepEqual({ values: stored.values, note: stored.note }, { values: 8, note: 'A calmer week; left on time twice.' });

      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Weekly review' }).waitFor();
      await page.locator('.review-saved').filter({ hasText: '8 out of 10' }).waitFor();
      assert.ok(await page.locator('#review-values-8').isChecked());
      await page.locator('.review-trend-row--current').filter({ hasText: '8' }).waitFor();

      // A week with nothing recorded says so.
      await page.goto(server.base + '/review?week=2020-01-08');
      await page.getByRole('heading', { level: 1, name: 'Weekly review' }).waitFor();
      assert.equal(await shownWeek(), '2020-01-06');
      await page.getByText('Nothing was recorded in this week', { exact: false }).waitFor();
      assert.deepEqual(problems, []);
    }, { demo: true });
  });

  test('axe-core finds no serious problems on both pages, light and dark; nothing scrolls sideways at 375 px', { skip }, async () => {
    await withApp(async ({ server, context, page }) => {
      await bypassCspForTestScripts(context, page);
      await openBoundaries(page, server);
      await page.locator('.bnd-heatmap').first().waitFor();
      await page.locator('.bnd-cell[data-status="broken"]').first().click();
      await page.getByRole('button', { name: /^Remove boundary/ }).first().click();  // the confirmation too
      await assertNoSeriousViolations(page, 'boundaries');
      await page.getByRole('button', { name: 'Keep it' }).click();
      await page.locator('#bnd-form-days').fill('');
      await page.getByRole('button', { name: 'Add boundary' }).click();
      await page.locator('#bnd-form-days-error').waitFor();
      await assertNoSeriousViolations(page, 'boundaries with a form error');

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review' }).click();
      await page.getByRole('heading', { level: 1, name: 'Weekly review' }).waitFor();
      await page.locator('.review-trend, .review-reflection .status-note--empty').first().waitFor();
      await assertNoSeriousViolations(page, 'review');
      await page.getByRole('button', { name: 'Previous week' }).click();
      await page.getByRole('heading', { level: 2, name: 'Wins of the week' }).waitFor();
      await assertNoSeriousViolations(page, 'review, previous week');

      await page.setViewportSize({ width: 375, height: 800 });
      await assertNoSidewaysScroll(page, 'review');
      await assertNoSeriousViolations(page, 'review at 375 px');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Boundaries' }).click();
      await page.locator('.bnd-heatmap').first().waitFor();
      await assertNoSidewaysScroll(page, 'boundaries');
      // The twelve weeks fit the card: no heatmap is wider than its card.
      const overflow = await page.evaluate(() => [...document.querySelectorAll('.bnd-heatmap')]
        .filter((t) => t.getBoundingClientRect().right > t.closest('.bnd-card').getBoundingClientRect().right).length);
      assert.equal(overflow, 0);
      await assertNoSeriousViolations(page, 'boundaries at 375 px');
    }, { demo: true });
  });
});
