// Debian's Chromium through playwright-core, one fresh profile per test.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
export const AXE_PATH = require.resolve('axe-core/axe.min.js');

// Opens a browser; returns { context, page, problems, close() }. `problems` collects page errors
// and CSP violations, which must stay empty.
export async function openBrowser() {
  const tmpDir = mkdtempSync(path.join(os.tmpdir(), 'headway-chromium-'));
  const context = await chromium.launchPersistentContext(tmpDir, {
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) problems.push(`CSP: ${m.text()}`);
  });
  return {
    context,
    page,
    problems,
    async close() {
      await context.close();
      rmSync(tmpDir, { recursive: true, force: true });
    },
  };
}

// Presses Tab (only the keyboard) until the focused element matches the selector.
export async function tabTo(page, selector, { max = 40 } = {}) {
  for (let i = 0; i <= max; i++) {
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
  throw new Error(`Tab never reached ${selector}; focus is on ${at}`);
}

// Signs in through the form (mouse and fill; the keyboard test does it by keyboard) and waits for Today.
// A fresh account with no values and no goals is sent to onboarding (/welcome) instead; pass
// { skipWelcome: true } to press its "Skip for now" there, as a person would. Without it, landing
// on /welcome fails the test, so a test never skips onboarding by accident.
export async function signIn(page, server, { skipWelcome = false } = {}) {
  await page.getByLabel('E-mail').fill(server.email);
  await page.getByLabel('Password').fill(server.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const landed = page.getByRole('heading', { level: 1, name: /^(Today|Welcome to Headway)$/ });
  await landed.waitFor();
  if ((await landed.textContent()) === 'Welcome to Headway') {
    if (!skipWelcome) throw new Error('signIn landed on onboarding (/welcome): a fresh account; pass { skipWelcome: true } or seed data first');
    await page.getByRole('button', { name: 'Skip for now' }).click();
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  }
  await page.waitForURL((u) => u.pathname === '/');
  await page.locator('#checkin-start').waitFor();
}

// The CSP (rightly) blocks the inline <script> that addScriptTag makes; the axe test lifts it for
// this page through the DevTools protocol. It takes effect from the next navigation.
export async function bypassCspForTestScripts(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Page.setBypassCSP', { enabled: true });
}

// Runs axe-core on the page (after bypassCspForTestScripts); returns the serious and critical violations, summarised.
export async function seriousViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE_PATH });
  const { passes, violations } = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return {
      passes: result.passes.length,
      violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) })),
    };
  });
  // A run that checked nothing would pass anything.
  if (passes === 0) throw new Error('axe-core ran no checks');
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

// Asserts that axe-core finds no serious or critical problems on the page as it is now, in the light
// and then the dark colour scheme; leaves the page light. Needs bypassCspForTestScripts first.
export async function assertNoSeriousViolations(page, label) {
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    const found = await seriousViolations(page);
    assert.deepEqual(found, [], `${label} (${colorScheme}): ${JSON.stringify(found, null, 2)}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

// Asserts that the page is no wider than the viewport (375 px on a phone), so nothing scrolls sideways.
export async function assertNoSidewaysScroll(page, label) {
  const { width } = page.viewportSize();
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= width, `${label}: no sideways scrolling at ${width} px (the page is ${scrollWidth} px wide)`);
}

// Pixels of the canvas under `selector` within a small distance of the CSS colour variable `cssVar`:
// the drawn series, not just axes or an empty box.
export function seriesPixels(page, selector, cssVar) {
  return page.evaluate(([sel, name]) => {
    const canvas = document.querySelector(`${sel} canvas`);
    if (!canvas || !canvas.width) return -1;
    const hex = getComputedStyle(document.documentElement).getPropertyValue(name).trim().replace('#', '');
    const want = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] < 200) continue;
      if (Math.abs(data[i] - want[0]) + Math.abs(data[i + 1] - want[1]) + Math.abs(data[i + 2] - want[2]) < 40) n++;
    }
    return n;
  }, [selector, cssVar]);
}
