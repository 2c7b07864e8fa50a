// How soon the Today page is usable, measured in Chromium through the Performance API, for the
// demo person (120 days of data) over loopback: from the start of navigation until the check-in
// is prefilled and today's wins and boundaries are shown. Also the JavaScript it loads, and the
// same for Insights, the page with the most charts.
//   cd web && npm run build && HEADWAY_BINARY=../build/release/headway node bench/today.mjs
import { openBrowser } from '../e2e/lib/browser.mjs';
import { startHeadway } from '../e2e/lib/server.mjs';

const RUNS = Number(process.env.RUNS ?? 15);
const server = await startHeadway({ demo: true });
const browser = await openBrowser();
try {
  const { page } = browser;
  await page.goto(server.base + '/sign-in');
  const login = await page.evaluate(async ({ email, password }) => {
    const r = await fetch('/api/v1/auth/login', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }),
    });
    return r.status;
  }, { email: server.email, password: server.password });
  if (login !== 200) throw new Error(`sign-in answered ${login}`);

  const usable = [];
  let scriptBytes = 0;
  for (let i = 0; i < RUNS; i++) {
    await page.goto(server.base + '/', { waitUntil: 'commit' });
    // Usable: the check-in form has loaded today's values and no section is still loading.
    await page.waitForFunction(() => document.querySelector('#checkin-title') !== null &&
      !/Loading/.test(document.querySelector('main')?.textContent ?? 'Loading'));
    const t = await page.evaluate(() => performance.now());
    usable.push(t);
    if (i === 0) {
      scriptBytes = await page.evaluate(() => performance.getEntriesByType('resource')
        .filter((e) => e.initiatorType === 'script' || e.name.endsWith('.js'))
        .reduce((sum, e) => sum + (e.encodedBodySize || 0), 0));
    }
  }
  // Insights, the page with the most charts: until its four trend charts are drawn and nothing
  // is still loading (12 weeks of check-ins, the weekly report's correlations, every goal's stages).
  const insights = [];
  for (let i = 0; i < RUNS; i++) {
    await page.goto(server.base + '/insights', { waitUntil: 'commit' });
    await page.waitForFunction(() => document.querySelectorAll('.uplot canvas').length >= 4 &&
      document.querySelectorAll('.status-note--loading').length === 0 && document.querySelector('h1') !== null);
    insights.push(await page.evaluate(() => performance.now()));
  }
  if (browser.problems.length) throw new Error(browser.problems.join('\n'));
  const summary = (label, times) => {
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    console.log(`${label} usable after navigation start, ${RUNS} loads: median ${median.toFixed(0)} ms, ` +
                `fastest ${times[0].toFixed(0)} ms, slowest ${times[times.length - 1].toFixed(0)} ms (target < 1000 ms)`);
  };
  summary('Today', usable);
  console.log(`JavaScript loaded by Today: ${(scriptBytes / 1024).toFixed(1)} KiB as sent (first load, no cache)`);
  summary('Insights', insights);
  process.exitCode = usable[usable.length - 1] < 1000 ? 0 : 1;
} finally {
  await browser.close();
  await server.stop();
}
