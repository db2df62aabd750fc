import { findCarrier } from '@sutwxapp/wechat';

export function findCarrierName(code: string): string {
  return findCarrier(code)?.name ?? code;
}
