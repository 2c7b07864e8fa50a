// What every end-to-end test file shares: whether the tests can run, and a fresh app per test.
import { openBrowser } from './browser.mjs';
import { missingPrerequisite, startHeadway } from './server.mjs';

// Without a server that serves the UI the tests are skipped, or fail with HEADWAY_E2E_REQUIRE=1.
const missing = missingPrerequisite();
if (missing && process.env.HEADWAY_E2E_REQUIRE === '1') throw new Error(missing);
export const skip = missing ?? false;

export const XSS = '<img src=x onerror="window.__xss=1">';

// Each test gets its own server, data directory and browser profile. With { demo: true } the
// account belongs to the demo person (Sam Rivera, 120 days of data).
export async function withApp(fn, { demo = false } = {}) {
  const server = await startHeadway({ demo });
  const browser = await openBrowser();
  try {
    await fn({ server, ...browser });
  } catch (e) {
    e.message += `\n--- headway serve output ---\n${server.log().slice(-3000)}`;
    throw e;
  } finally {
    await browser.close();
    await server.stop();
  }
}
