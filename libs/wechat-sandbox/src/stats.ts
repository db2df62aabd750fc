/** Call counters, so tests can assert caching and retry behaviour ("called once, not twice"). */
export class SandboxStats {
  private readonly endpoints = new Map<string, number>();
  private readonly tracking = new Map<string, number>();

  /** e.g. 'jscode2session', 'stable_token', 'getuserphonenumber', 'pay.jsapi', 'kuaidi100.query' */
  count(endpoint: string): number {
    return this.endpoints.get(endpoint) ?? 0;
  }

  /** Kuaidi100 queries for one tracking number. */
  trackingQueries(trackingNo: string): number {
    return this.tracking.get(trackingNo) ?? 0;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries(this.endpoints);
  }

  reset(): void {
    this.endpoints.clear();
    this.tracking.clear();
  }

  /** @internal */
  hit(endpoint: string): void {
    this.endpoints.set(endpoint, this.count(endpoint) + 1);
  }

  /** @internal */
  hitTracking(trackingNo: string): void {
    this.tracking.set(trackingNo, this.trackingQueries(trackingNo) + 1);
  }
}
