// PNGs of the main pages, from the demo person's 120 days, for the README: `make screenshots`.
// Usage: node scripts/screenshots.mjs [OUT_DIR]   (default ../docs/screenshots)
// Starts a real `headway serve` with fresh demo data and drives Debian's Chromium.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { openBrowser, signIn } from '../e2e/lib/browser.mjs';
import { PAGES, settled } from '../e2e/lib/pages.mjs';
import { missingPrerequisite, startHeadway } from '../e2e/lib/server.mjs';

const out = path.resolve(process.argv[2] ?? new URL('../../docs/screenshots', import.meta.url).pathname);

const MAX_HEIGHT = 2400;

const missing = missingPrerequisite();
if (missing) {
  console.error(`screenshots: ${missing}`);
  process.exit(1);
}
mkdirSync(out, { recursive: true });

async function shoot(page, server, [name, route, heading], suffix = '') {
  await page.goto(server.base + route);
  await settled(page, heading);
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300); // charts draw on the next frame
  const file = path.join(out, `${name}${suffix}.png`);
  // The whole page, but at most MAX_HEIGHT pixels (the strategy library runs long).
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const { width } = page.viewportSize();
  await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width, height: Math.min(height, MAX_HEIGHT) } });
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}

const server = await startHeadway({ demo: true });
const browser = await openBrowser();
try {
  const { page } = browser;
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(server.base + '/');
  await signIn(page, server);
  for (const p of PAGES.filter(([name]) => name !== 'settings')) await shoot(page, server, p);
  // The social side, from the demo's circle, coach and conversation plan.
  const shared = (await (await page.request.get(`${server.base}/api/v1/circles/1/feed`)).json()).entries.find((e) => e.mine);
  for (const p of [['circle', '/circles/1', null], ['partners', '/partners', 'Partners and coaches'],
    ['plan', '/support/plans/1', null], ['notifications', '/notifications', 'Notifications'],
    ...(shared ? [['win', `/wins/${shared.win_id}`, 'Your win']] : [])])
    await shoot(page, server, p);
  // The phone width and dark mode, for Today.
  await page.emulateMedia({ colorScheme: 'dark' });
  await shoot(page, server, PAGES[0], '-dark');
  await page.setViewportSize({ width: 375, height: 812 });
  await page.emulateMedia({ colorScheme: 'light' });
  await shoot(page, server, PAGES[0], '-phone');
  if (browser.problems.length) throw new Error(browser.problems.join('\n'));
} finally {
  await browser.close();
  await server.stop();
}
