/** Flipped on SIGTERM so readiness answers 503 while in-flight requests drain. */
export const shutdownState = { shuttingDown: false };
