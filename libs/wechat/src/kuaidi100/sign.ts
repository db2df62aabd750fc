import { createHash } from 'node:crypto';

/**
 * sign = UPPER(hex(MD5(param + key + customer))), no separators. `param` must be the exact JSON
 * string that goes into the form: re-serialising it (key order, spacing) breaks the signature.
 */
export function kuaidi100Sign(param: string, key: string, customer: string): string {
  return createHash('md5')
    .update(param + key + customer, 'utf8')
    .digest('hex')
    .toUpperCase();
}
