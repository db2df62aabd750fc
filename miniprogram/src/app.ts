import { EventTracker, type ShopAppOption } from './services/tracker';

App<ShopAppOption>({
  globalData: { tracker: new EventTracker() },

  onHide() {
    // The shopper may never come back: send what was collected while we still run.
    void this.globalData.tracker.flush();
  },
});
