import { Injectable } from '@nestjs/common';

/** At most this many views wait for the next flush per replica; beyond it views are dropped (history is best effort). */
const MAX_BUFFERED = 20_000;

export interface ProductView {
  /** the raw bearer token as sent: verified later, off the request path */
  token: string;
  productId: number;
  at: number;
}

/**
 * Product views by signed-in shoppers, noted on the cached detail route for browsing history.
 * Noting is an array push: no token verification, no I/O, no allocation for anonymous readers.
 * The favourite module drains the buffer on a timer (HISTORY_FLUSH_MS) and writes it.
 */
@Injectable()
export class ProductViews {
  private buffer: ProductView[] = [];

  note(authorization: string | undefined, productId: number): void {
    if (authorization === undefined || this.buffer.length >= MAX_BUFFERED) return;
    const token = authorization.startsWith('Bearer ') ? authorization.slice(7) : null;
    if (token) this.buffer.push({ token, productId, at: Date.now() });
  }

  drain(): ProductView[] {
    const taken = this.buffer;
    this.buffer = [];
    return taken;
  }
}
