/** Kuaidi100 `state` codes (spec §3), the basic ones and the `resultv2` sub-codes. */
export const KUAIDI100_STATES: Readonly<Record<number, string>> = {
  0: '在途',
  1: '揽收',
  2: '疑难',
  3: '签收',
  4: '退签',
  5: '派件',
  6: '退回',
  7: '转投',
  8: '清关',
  10: '待清关',
  11: '清关中',
  12: '已清关',
  13: '清关异常',
  14: '拒签',
  101: '已下单',
  102: '待揽收',
  103: '已揽收',
  1001: '到达派件城市',
  1002: '干线',
  1003: '转递',
  501: '投柜或驿站',
  301: '本人签收',
  302: '派件异常后签收',
  303: '代签',
  304: '投柜或站签收',
  401: '已销单',
};

/**
 * The basic state a code belongs to. Sub-codes are grouped by their leading digit (3xx → 3
 * 签收), except 100x, which are in-transit (0) sub-codes; 10–14 are basic codes themselves.
 */
export function baseState(code: number): number {
  if (code >= 0 && code <= 14) return code;
  if (code >= 1000 && code <= 1009) return 0;
  const lead = Number(String(Math.abs(Math.trunc(code)))[0]);
  return Number.isFinite(lead) ? lead : 0;
}

export function stateText(code: number): string {
  return KUAIDI100_STATES[code] ?? KUAIDI100_STATES[baseState(code)] ?? '未知';
}
