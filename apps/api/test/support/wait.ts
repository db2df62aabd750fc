/**
 * Polls `check` until it holds, failing after `timeoutMs`: for what lands after the answer
 * (WeChat's notifications, after-commit events, background workers).
 */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
