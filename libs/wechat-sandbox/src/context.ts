import type { SandboxStats } from './stats';

/**
 * Business clock of the sandbox: token expiry, tracking progress and the times the sandbox
 * reports. Signature timestamps always use the real clock, because the peer checks them
 * against its own clock (±300 s).
 */
export interface SandboxClock {
  now(): number;
  advance(ms: number): void;
}

export interface MiniProgramCredentials {
  appId: string;
  appSecret: string;
}

export interface SandboxContext {
  stats: SandboxStats;
  clock: SandboxClock;
  miniProgram: MiniProgramCredentials;
  /** salt for the deterministic openid/unionid/phone derivation; stable across restarts */
  identitySalt: string;
}

export function createClock(now: () => number = Date.now): SandboxClock {
  let offset = 0;
  return {
    now: () => now() + offset,
    advance: (ms: number) => {
      offset += ms;
    },
  };
}
