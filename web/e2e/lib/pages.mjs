// Every page of the signed-in app: [name, path, level-1 heading (null: the page's own title)].
// Shared by the all-pages sweep (e2e/all-pages.test.mjs) and `make screenshots`.
export const PAGES = [
  ['today', '/', 'Today'],
  ['wins', '/wins', 'Wins'],
  ['goals', '/goals', 'Goals'],
  ['goal', '/goals/1', null],
  ['boundaries', '/boundaries', 'Boundaries'],
  ['evidence', '/evidence', 'Calendar and activity'],
  ['review', '/review', null],
  ['insights', '/insights', 'Insights'],
  ['assessments', '/assessments', 'Assessments'],
  ['strategies', '/strategies', 'Strategies'],
  ['support', '/support', 'Support'],
  ['settings', '/settings', 'Settings'],
];

// Waits until the page has its heading and nothing on it is still loading.
export async function settled(page, heading) {
  if (heading) await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  else await page.locator('h1').first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.status-note--loading').length === 0, null, { timeout: 15000 });
}
