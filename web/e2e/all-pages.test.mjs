// End-to-end sweep over every page with the demo person's 120 days: axe-core in light and dark,
// no horizontal scrolling on a 375 px phone, the navigation marks where you are, and no page
// errors or CSP reports anywhere.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { skip, withApp } from './lib/app.mjs';
import { bypassCspForTestScripts, seriousViolations, signIn } from './lib/browser.mjs';
import { PAGES, settled } from './lib/pages.mjs';

describe('every page', () => {
  test('axe-core finds no serious or critical problems, light and dark', { skip }, async () => {
    await withApp(async ({ server, page, context, problems }) => {
      await page.goto(server.base + '/');
      await signIn(page, server);
      await bypassCspForTestScripts(context, page);
      const found = [];
      for (const scheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const [name, route, heading] of PAGES) {
          await page.goto(server.base + route);
          await settled(page, heading);
          for (const v of await seriousViolations(page)) found.push(`${name} (${scheme}): ${v.id} ${v.help} at ${v.nodes.join(', ')}`);
        }
      }
      assert.deepEqual(found, []);
      assert.deepEqual(problems.filter((p) => !p.startsWith('CSP')), []);
    }, { demo: true });
  });

  test('at 375 px nothing scrolls sideways; the navigation marks the current page', { skip }, async () => {
    await withApp(async ({ server, page, problems }) => {
      await page.setViewportSize({ width: 375, height: 812 });
      await page.goto(server.base + '/');
      await signIn(page, server);
      const wide = [];
      for (const [name, route, heading] of PAGES) {
        await page.goto(server.base + route);
        await settled(page, heading);
        await page.waitForTimeout(100); // charts size themselves on the next frame
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 375) wide.push(`${name}: ${width} px`);
        const current = await page.getByRole('navigation', { name: 'Main' }).locator('[aria-current="page"]').allTextContents();
        const expected = name === 'goal' ? 'Goals' : name[0].toUpperCase() + name.slice(1);
        assert.deepEqual(current.map((t) => t.trim()), [expected], `current page in the navigation on ${route}`);
      }
      assert.deepEqual(wide, []);
      assert.deepEqual(problems, []);
    }, { demo: true });
  });
});
