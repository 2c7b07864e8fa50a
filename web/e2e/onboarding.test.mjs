// End-to-end: onboarding at /welcome for a fresh account, against a real `headway serve` in Debian's Chromium.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { XSS, skip, withApp } from './lib/app.mjs';
import { assertNoSeriousViolations, assertNoSidewaysScroll, bypassCspForTestScripts, signIn, tabTo } from './lib/browser.mjs';
import { apiGet } from './lib/server.mjs';

// A fresh account (no values, no goals) is sent to onboarding at sign-in.
async function signInToWelcome(page, server) {
  await page.goto(server.base + '/');
  await page.getByLabel('E-mail').fill(server.email);
  await page.getByLabel('Password').fill(server.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Welcome to Headway' }).waitFor();
  await page.waitForURL((u) => u.pathname === '/welcome');
  await stepShows(page, 1, 'Your values');
}

async function stepShows(page, n, title) {
  await page.locator('#onb-step-count').filter({ hasText: `Step ${n} of 5` }).waitFor();
  await page.getByRole('heading', { level: 2, name: title }).waitFor();
  assert.equal(await page.locator('.onb-steps [aria-current="step"]').textContent(), `${n}${title}`);
}

const card = (page, name) => page.getByRole('button', { name, exact: true });
const rankTexts = (page) => page.locator('.onb-rank .onb-rank-name').allTextContents();
const today = (page) => page.evaluate(() => document.querySelector('time')?.getAttribute('datetime'));

// The shortest valid pass through the steps, for the tests that are about something else.
const quick = {
  async values(page) {
    await card(page, 'Health').click();
  },
  async motivation(page) {
    await page.locator('#onb-driver-health-4').check();
  },
  async goal(page) {
    await page.getByLabel('Goal', { exact: true }).fill('Walk after work');
    await page.getByLabel('I mean to start in the next 30 days').check();
  },
  async boundary() {},
  async checkin(page) {
    await page.locator('#onb-checkin-stress-2').check();
    await page.locator('#onb-checkin-energy-4').check();
  },
};
const STEPS = [['values', 'Your values'], ['motivation', 'What drives you'], ['goal', 'Your first goal'],
  ['boundary', 'Your first boundary'], ['checkin', 'Your first check-in']];

describe('onboarding', () => {
  test('a fresh account goes through every step, logs a first win and lands on Today; all of it is stored', { skip }, async () => {
    await withApp(async ({ server, page, problems }) => {
      await signInToWelcome(page, server);

      // 1. The card sort: pick six, add one of my own, and order them.
      for (const name of ['Family', 'Health', 'Rest', 'Joy', 'Craft']) await card(page, name).click();
      assert.equal(await card(page, 'Family').getAttribute('aria-pressed'), 'true');
      assert.equal(await card(page, 'Calm').getAttribute('aria-pressed'), 'false');
      await page.getByLabel('Add a value of your own').fill('Evenings <b>off</b>');
      await page.getByRole('button', { name: 'Add value' }).click();
      assert.deepEqual(await rankTexts(page), ['Family', 'Health', 'Rest', 'Joy', 'Craft', 'Evenings <b>off</b>']);
      await page.getByRole('button', { name: 'Move Evenings <b>off</b> up' }).click();
      await page.getByRole('button', { name: 'Move Evenings <b>off</b> up' }).click();
      await page.getByRole('button', { name: 'Move Health up' }).click();
      assert.deepEqual(await rankTexts(page), ['Health', 'Family', 'Rest', 'Evenings <b>off</b>', 'Joy', 'Craft']);
      assert.equal(await page.locator('.onb-rank-item--extra .onb-rank-name').textContent(), 'Craft');
      assert.equal(await page.locator('.onb-rank b').count(), 0, 'markup in a value name is text');
      await page.getByRole('button', { name: 'Next' }).click();

      // 2. Drivers and a catalyst.
      await stepShows(page, 2, 'What drives you');
      await page.locator('#onb-driver-health-5').check();
      await page.locator('#onb-driver-family-4').check();
      await page.locator('#onb-driver-purpose-3').check();
      await page.getByLabel('What happened').selectOption('burnout');
      const catalystDate = await page.inputValue('#onb-catalyst-date');
      await page.getByLabel('A few words about it (optional)').fill('A hard autumn');
      await page.getByRole('button', { name: 'Next' }).click();

      // 3. The goal. What is typed survives a reload before it is saved.
      await stepShows(page, 3, 'Your first goal');
      assert.equal(await page.isChecked('#onb-goal-value-0'), true, 'the top value is linked to start with');
      await page.getByLabel('Goal', { exact: true }).fill('Leave work on time');
      await page.reload();
      await stepShows(page, 3, 'Your first goal');
      assert.equal(await page.inputValue('#onb-goal-title'), 'Leave work on time');
      await page.getByLabel('Family', { exact: true }).check();
      await page.getByLabel('Wish', { exact: true }).fill('Be home for dinner');
      await page.getByLabel('Outcome', { exact: true }).fill('Evenings with the kids');
      await page.getByLabel('Obstacle', { exact: true }).fill('I want to finish one more thing');
      await page.getByLabel('If… (the moment)').fill('it is 17:30 and I am still typing');
      await page.getByLabel('…then I will').fill('write tomorrow’s first step and close the laptop');
      await page.getByLabel('How often').selectOption('3x/week');
      await page.getByLabel('What kind of obstacle is it?').selectOption('mental-load');
      await page.getByLabel('I mean to start in the next 30 days').check();
      await page.getByRole('button', { name: 'Next' }).click();

      // 4. A boundary: days the server does not understand are refused next to the field, and nothing is stored.
      await stepShows(page, 4, 'Your first boundary');
      assert.equal(await page.inputValue('#onb-boundary-from'), '09:00', 'from the work hours');
      assert.equal(await page.inputValue('#onb-boundary-to'), '17:30');
      await page.getByLabel('Days', { exact: true }).fill('Funday');
      await page.getByRole('button', { name: 'Next' }).click();
      await page.locator('#onb-boundary-days-error').filter({ hasText: 'Expected days such as Mon-Fri' }).waitFor();
      assert.equal(await page.getAttribute('#onb-boundary-days', 'aria-invalid'), 'true');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'onb-boundary-days');
      assert.deepEqual((await apiGet(server, '/api/v1/boundaries')).body, []);
      await page.getByLabel('No work messages after a set time').check();
      await page.getByLabel('No messages after').fill('19:00');
      await page.getByRole('button', { name: 'Next' }).click();

      // 5. Today's check-in, then the finish screen.
      await stepShows(page, 5, 'Your first check-in');
      const date = await today(page);
      assert.equal(await page.inputValue('#onb-checkin-start'), '09:00');
      await page.getByLabel('Stopped work').fill('17:40');
      await page.getByLabel('Longest break (minutes, optional)').fill('30');
      await page.locator('#onb-checkin-stress-2').check();
      await page.locator('#onb-checkin-energy-4').check();
      await page.getByLabel('I made progress on meaningful work').check();
      await page.getByRole('button', { name: 'Save and finish' }).click();

      await page.getByRole('heading', { level: 2, name: 'You are set up' }).waitFor();
      await page.locator('#onb-step-count').filter({ hasText: 'All 5 steps done' }).waitFor();
      await page.getByLabel('What went well today?').fill('Closed the laptop at 17:40');
      await page.getByLabel('Size').selectOption('medium');
      await page.getByRole('button', { name: 'Log win' }).click();
      await page.getByRole('status').filter({ hasText: 'Win logged.' }).waitFor();
      await page.getByRole('button', { name: 'Go to Today' }).click();
      await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
      await page.waitForURL((u) => u.pathname === '/');
      await page.locator('.win-list').waitFor();
      assert.deepEqual(await page.locator('.win-list .win-text').allTextContents(), ['Closed the laptop at 17:40']);
      assert.equal(await page.evaluate(() => sessionStorage.getItem('headway.onboarding.v1')), null, 'finished: nothing kept');

      // Everything is stored, as an independent look through the API shows.
      const values = (await apiGet(server, '/api/v1/values')).body;
      assert.deepEqual(values.map((v) => [v.name, v.rank, v.custom]), [
        ['Health', 1, false], ['Family', 2, false], ['Rest', 3, false], ['Evenings <b>off</b>', 4, true], ['Joy', 5, false], ['Craft', null, false],
      ]);
      const motivation = (await apiGet(server, '/api/v1/motivations')).body;
      assert.deepEqual(Object.fromEntries(motivation.drivers.map((d) => [d.driver, d.rating])), { health: 5, family: 4, purpose: 3 });
      assert.deepEqual(motivation.catalysts.map((c) => [c.kind, c.date, c.note]), [['burnout', catalystDate, 'A hard autumn']]);
      const goals = (await apiGet(server, '/api/v1/goals')).body;
      assert.equal(goals.length, 1);
      const g = goals[0];
      assert.deepEqual(
        [g.title, g.values, g.wish, g.outcome, g.obstacle, g.if, g.then, g.frequency, g.stage],
        ['Leave work on time', ['Health', 'Family'], 'Be home for dinner', 'Evenings with the kids', 'I want to finish one more thing',
          'it is 17:30 and I am still typing', 'write tomorrow’s first step and close the laptop', '3x/week', 'preparation'],
      );
      assert.equal((await apiGet(server, `/api/v1/goals/${g.id}`)).body.barrier, 'mental-load');
      const boundaries = (await apiGet(server, '/api/v1/boundaries')).body;
      assert.deepEqual(boundaries.map((b) => [b.type, b.params]), [['no-messages-after', { time: '19:00' }]]);
      const checkin = (await apiGet(server, `/api/v1/checkins/${date}`)).body;
      assert.deepEqual(
        [checkin.start, checkin.end, checkin.break, checkin.stress, checkin.energy, checkin.progress, checkin.off],
        ['09:00', '17:40', 30, 2, 4, true, false],
      );
      const wins = (await apiGet(server, `/api/v1/wins?from=${date}&to=${date}`)).body;
      assert.deepEqual(wins.map((w) => [w.text, w.size]), [['Closed the laptop at 17:40', 'medium']]);
      assert.deepEqual(problems, []);
    });
  });

  test('the card sort works with the keyboard alone, and an interrupted onboarding keeps what was saved', { skip }, async () => {
    await withApp(async ({ server, page, problems }) => {
      await signInToWelcome(page, server);
      const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
      await tabTo(page, 'button.onb-card-button');
      assert.match(await focused(), /^Family/);
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
      assert.match(await focused(), /^Health/);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      assert.match(await focused(), /^Friendship/);
      await page.keyboard.press('Space');
      assert.equal(await card(page, 'Friendship').getAttribute('aria-pressed'), 'true');
      await page.keyboard.press('Space');  // and out again
      assert.equal(await card(page, 'Friendship').getAttribute('aria-pressed'), 'false');
      await page.keyboard.press('Space');

      await tabTo(page, '#onb-custom');
      await page.keyboard.type('Quiet mornings');
      await page.keyboard.press('Enter');  // adds the value; it does not submit the step
      assert.deepEqual(await rankTexts(page), ['Family', 'Health', 'Friendship', 'Quiet mornings']);
      assert.equal(await page.inputValue('#onb-custom'), '');
      await page.locator('#onb-step-count').filter({ hasText: 'Step 1 of 5' }).waitFor();

      const upId = await page.getByRole('button', { name: 'Move Quiet mornings up' }).getAttribute('id');
      const downId = await page.getByRole('button', { name: 'Move Quiet mornings down' }).getAttribute('id');
      await tabTo(page, `#${upId}`);
      for (let i = 0; i < 3; i++) await page.keyboard.press('Enter');
      assert.deepEqual(await rankTexts(page), ['Quiet mornings', 'Family', 'Health', 'Friendship']);
      assert.equal(await page.evaluate(() => document.activeElement?.id), downId, 'at the top, focus moves to the button that still works');
      await page.getByRole('status').filter({ hasText: 'Quiet mornings is now 1st.' }).waitFor();
      await page.keyboard.press('Enter');  // one down again
      assert.deepEqual(await rankTexts(page), ['Family', 'Quiet mornings', 'Health', 'Friendship']);
      assert.equal(await page.evaluate(() => document.activeElement?.id), downId);

      await tabTo(page, 'button[type=submit]');
      assert.equal(await focused(), 'Next');
      await page.keyboard.press('Enter');
      await stepShows(page, 2, 'What drives you');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'onb-step-title', 'the new step’s heading has focus');

      const stored = (await apiGet(server, '/api/v1/values')).body;
      assert.deepEqual(stored.map((v) => [v.name, v.rank]), [['Family', 1], ['Quiet mornings', 2], ['Health', 3], ['Friendship', 4]]);

      // Interrupted: a reload comes back to step 2, and Back shows the saved order.
      await page.reload();
      await stepShows(page, 2, 'What drives you');
      await page.getByRole('button', { name: 'Back' }).click();
      await stepShows(page, 1, 'Your values');
      assert.deepEqual(await rankTexts(page), ['Family', 'Quiet mornings', 'Health', 'Friendship']);
      assert.deepEqual(problems, []);
    });
  });

  test('invalid entries are refused next to their field and save nothing; markup stays text', { skip }, async () => {
    await withApp(async ({ server, page, problems }) => {
      await signInToWelcome(page, server);
      await page.getByRole('button', { name: 'Next' }).click();
      await page.locator('#onb-cards-error').filter({ hasText: 'Pick at least one value that matters to you.' }).waitFor();

      await page.getByLabel('Add a value of your own').fill('v'.repeat(300));
      await page.getByRole('button', { name: 'Add value' }).click();
      await page.locator('#onb-custom-error').filter({ hasText: 'Keep the name to at most 100 bytes; this one has 300.' }).waitFor();
      assert.equal(await page.getAttribute('#onb-custom', 'aria-invalid'), 'true');
      assert.match(await page.getAttribute('#onb-custom', 'aria-describedby'), /onb-custom-error/);
      assert.equal(await page.locator('.onb-rank').count(), 0, 'nothing was added');
      await page.getByLabel('Add a value of your own').fill('   ');
      await page.getByRole('button', { name: 'Add value' }).click();
      await page.locator('#onb-custom-error').filter({ hasText: 'Write the name of the value first.' }).waitFor();
      assert.deepEqual((await apiGet(server, '/api/v1/values')).body, []);

      await page.getByLabel('Add a value of your own').fill(XSS);
      await page.keyboard.press('Enter');
      assert.deepEqual(await rankTexts(page), [XSS]);
      assert.equal(await page.locator('.onb img').count(), 0);
      await page.getByRole('button', { name: 'Next' }).click();
      await stepShows(page, 2, 'What drives you');
      assert.deepEqual((await apiGet(server, '/api/v1/values')).body.map((v) => [v.name, v.rank]), [[XSS, 1]]);

      await page.getByRole('button', { name: 'Next' }).click();
      await page.locator('#onb-drivers-error').filter({ hasText: 'Rate at least one of these' }).waitFor();
      assert.deepEqual((await apiGet(server, '/api/v1/motivations')).body.drivers, []);
      await quick.motivation(page);
      await page.getByRole('button', { name: 'Next' }).click();

      // An empty goal title, and a title the server would refuse for its length.
      await stepShows(page, 3, 'Your first goal');
      await page.getByRole('button', { name: 'Next' }).click();
      await page.locator('#onb-goal-title-error').filter({ hasText: 'Give the goal a short title.' }).waitFor();
      await page.locator('#onb-goal-stage_answer-error').filter({ hasText: 'Choose the answer that fits you best today.' }).waitFor();
      assert.equal(await page.getAttribute('#onb-goal-title', 'aria-invalid'), 'true');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'onb-goal-title');
      await page.getByLabel('Goal', { exact: true }).fill('t'.repeat(150));
      await page.getByRole('button', { name: 'Next' }).click();
      await page.locator('#onb-goal-title-error').filter({ hasText: 'at most 100 bytes' }).waitFor();
      assert.deepEqual((await apiGet(server, '/api/v1/goals')).body, []);

      // Markup typed into the goal is stored and shown as text, and never runs.
      await page.getByLabel('Goal', { exact: true }).fill(XSS);
      await page.getByLabel('I mean to start in the next 30 days').check();
      await page.getByRole('button', { name: 'Next' }).click();
      await stepShows(page, 4, 'Your first boundary');
      assert.deepEqual((await apiGet(server, '/api/v1/goals')).body.map((g) => [g.title, g.values]), [[XSS, [XSS]]]);

      await page.getByLabel('A cap on hours a week').check();
      await page.getByLabel('At most this many hours a week').fill('500');
      await page.getByRole('button', { name: 'Next' }).click();
      await page.locator('#onb-boundary-hours-error').filter({ hasText: 'Choose between 1 and 168 hours a week.' }).waitFor();
      assert.deepEqual((await apiGet(server, '/api/v1/boundaries')).body, []);
      assert.equal(await page.evaluate(() => window.__xss), undefined);
      assert.deepEqual(problems, []);
    });
  });

  test('"Skip for now" goes to Today, and signing in again does not come back to onboarding', { skip }, async () => {
    await withApp(async ({ server, page, problems }) => {
      await signInToWelcome(page, server);
      await page.getByRole('button', { name: 'Skip for now' }).click();
      await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
      await page.waitForURL((u) => u.pathname === '/');

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in to Headway' }).waitFor();
      await signIn(page, server);  // fails if it lands on /welcome
      assert.equal(new URL(page.url()).pathname, '/');
      assert.deepEqual((await apiGet(server, '/api/v1/values')).body, [], 'skipping saved nothing');
      assert.deepEqual(problems, []);
    });
  });

  test('axe-core finds no serious or critical problems on each step, light and dark; no sideways scrolling at 375 px', { skip }, async () => {
    await withApp(async ({ server, context, page, problems }) => {
      await bypassCspForTestScripts(context, page);
      const narrow = async (name) => {
        await page.setViewportSize({ width: 375, height: 800 });
        await assertNoSidewaysScroll(page, name);
        await assertNoSeriousViolations(page, `${name} at 375 px`);
        await page.setViewportSize({ width: 1280, height: 900 });
      };
      await page.setViewportSize({ width: 1280, height: 900 });
      await signInToWelcome(page, server);

      // Step 1 with its errors showing, then a long custom value in the ranking.
      await page.getByRole('button', { name: 'Next' }).click();
      await page.locator('#onb-cards-error').waitFor();
      await page.getByLabel('Add a value of your own').fill('x'.repeat(300));
      await page.getByRole('button', { name: 'Add value' }).click();
      await page.locator('#onb-custom-error').waitFor();
      await assertNoSeriousViolations(page, 'values with errors');
      await page.getByLabel('Add a value of your own').fill('A-rather-long-value-name-without-any-spaces-at-all-in-it');
      await page.keyboard.press('Enter');
      for (const name of ['Family', 'Health', 'Rest', 'Joy', 'Craft']) await card(page, name).click();
      await assertNoSeriousViolations(page, 'values');
      await narrow('values');

      for (const [i, [key, title]] of STEPS.entries()) {
        await stepShows(page, i + 1, title);
        if (i > 0) {
          // Each step once with its own errors, then filled in.
          if (key === 'boundary') await page.getByLabel('Work ends').fill('07:00');
          if (key === 'checkin') await page.getByLabel('Started work').fill('late');
          if (key !== 'values') {
            await page.getByRole('button', { name: /^(Next|Save and finish)$/ }).click();
            await page.locator('.field-error').first().waitFor();
            await assertNoSeriousViolations(page, `${title} with errors`);
          }
          if (key === 'boundary') await page.getByLabel('Work ends').fill('17:30');
          if (key === 'checkin') await page.getByLabel('Started work').fill('09:00');
          await quick[key](page);
          if (key === 'motivation') await page.getByLabel('What happened').selectOption('family-event');
          await assertNoSeriousViolations(page, title);
          await narrow(title);
        }
        await page.getByRole('button', { name: /^(Next|Save and finish)$/ }).click();
      }
      await page.getByRole('heading', { level: 2, name: 'You are set up' }).waitFor();
      await page.getByRole('button', { name: 'Log win' }).click();
      await page.locator('#onb-win-text-error').waitFor();
      await assertNoSeriousViolations(page, 'finish with an error');
      await page.getByLabel('What went well today?').fill('Set Headway up');
      await page.getByRole('button', { name: 'Log win' }).click();
      await page.locator('.onb .win-list').waitFor();
      await assertNoSeriousViolations(page, 'finish');
      await narrow('finish');
      assert.deepEqual(problems, []);
    });
  });
});
