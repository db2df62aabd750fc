/**
 * The shopper's phone number bound through WeChat's getPhoneNumber button (the WeChat platform
 * module owns it). Features that need the full number server-side (an address defaulting to it)
 * read it here; it is never sent back unmasked by the platform module itself.
 */
export interface BoundPhonePort {
  phoneOf(userId: number): Promise<string | null>;
}

export const BOUND_PHONE = Symbol('BOUND_PHONE');
