/**
 * The one place the clients touch the network. Bodies are always read as text: WeChat Pay
 * signatures cover the exact response bytes, so nothing may parse (and re-serialise) them
 * before verification.
 */
export interface TextResponse {
  status: number;
  headers: Headers;
  text: string;
}

/** Network failure, timeout or abort: the request may or may not have reached the server. */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly timedOut: boolean,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

export async function fetchText(url: string, init: RequestInit, timeoutMs: number): Promise<TextResponse> {
  try {
    // The timeout covers the whole exchange, body included, because the signal stays
    // attached while res.text() streams.
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    const timedOut = e.name === 'TimeoutError' || e.name === 'AbortError';
    const detail = timedOut ? `timed out after ${timeoutMs} ms` : (e.cause?.code ?? e.message);
    // Only the path goes into the message: query strings can carry secrets (appsecret).
    throw new TransportError(`request to ${new URL(url).pathname} failed: ${detail}`, timedOut);
  }
}
