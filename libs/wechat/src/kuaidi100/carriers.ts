export interface Carrier {
  /** Kuaidi100's lower-case company code */
  code: string;
  name: string;
  /** Kuaidi100 refuses (408) queries without the sender's or receiver's phone (last 4 digits suffice) */
  phoneRequired: boolean;
}

/**
 * Carriers we offer to operators. Phone requirement per spec §3: required for SF and 丰网, and
 * for 中通 per the map-track doc; the others accept queries without it.
 */
export const CARRIERS: readonly Carrier[] = [
  { code: 'shunfeng', name: '顺丰速运', phoneRequired: true },
  { code: 'zhongtong', name: '中通快递', phoneRequired: true },
  { code: 'yuantong', name: '圆通速递', phoneRequired: false },
  { code: 'yunda', name: '韵达快递', phoneRequired: false },
  { code: 'shentong', name: '申通快递', phoneRequired: false },
  { code: 'jtexpress', name: '极兔速递', phoneRequired: false },
  { code: 'ems', name: 'EMS', phoneRequired: false },
  { code: 'youzhengguonei', name: '邮政快递包裹', phoneRequired: false },
  { code: 'jd', name: '京东物流', phoneRequired: false },
  { code: 'debangkuaidi', name: '德邦快递', phoneRequired: false },
  { code: 'fengwang', name: '丰网速运', phoneRequired: true },
];

export function findCarrier(code: string): Carrier | undefined {
  const c = code.trim().toLowerCase();
  return CARRIERS.find((carrier) => carrier.code === c);
}
