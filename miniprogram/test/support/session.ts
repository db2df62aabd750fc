import { createShopper, type Shopper } from '../../../apps/api/test/support/factories';
import type { TestApp } from '../../../apps/api/test/support/test-app';
import { MiniProgram } from './mini-program';

/**
 * Before each test of the suite: a fresh mini-program and the shopper its wx.login signs in as
 * (logged in once through the real login, so the shopper exists before the pages ask); `use`
 * hands both to the suite. After each test the mini-program is closed.
 */
export function newShopperEachTest(
  app: () => TestApp,
  use: (session: { mp: MiniProgram; shopper: Shopper }) => void,
): void {
  let mp: MiniProgram | undefined;
  beforeEach(async () => {
    const t = app();
    mp = MiniProgram.start(t.baseUrl);
    use({ mp, shopper: await createShopper(t, mp.wx.loginCode) });
  });
  afterEach(() => {
    mp?.close();
  });
}
