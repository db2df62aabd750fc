/**
 * Flipped on SIGTERM so readiness answers 503 while in-flight requests drain; `listenerClosed`
 * once no new connection is accepted, from when every response asks its connection to close.
 */
export const shutdownState = { shuttingDown: false, listenerClosed: false };
