// First run: whether to start a signed-in person with onboarding instead of Today.
// A person who chose "Skip for now" is not sent there again from this browser.

const key = (account: number) => `headway.onboarding-skipped.${account}`;

export function skipOnboarding(account: number, storage: Storage = localStorage): void {
  try {
    storage.setItem(key(account), '1');
  } catch {
    // Storage may be full or disabled; then the person sees onboarding again next time.
  }
}

export function onboardingSkipped(account: number, storage: Storage = localStorage): boolean {
  try {
    return storage.getItem(key(account)) === '1';
  } catch {
    return false;
  }
}

// A person with no values and no goals has not set anything up yet.
export function needsOnboarding(values: readonly unknown[], goals: readonly unknown[]): boolean {
  return values.length === 0 && goals.length === 0;
}
