import { AFTERSALE_STATUS_TEXT, AfterSaleStatus, type AfterSaleType } from '@sutwxapp/contracts';

export const AFTERSALE_TYPE_TEXT: Record<AfterSaleType, string> = {
  REFUND_ONLY: '仅退款',
  RETURN_REFUND: '退货退款',
};

export const AFTERSALE_STATUSES = Object.values(AfterSaleStatus);

export const statusOptions = [
  { value: '', label: '全部状态' },
  ...AFTERSALE_STATUSES.map((s) => ({ value: s, label: AFTERSALE_STATUS_TEXT[s] })),
];

/** Tag colour per state: waiting on us (warning), done (success), ended without a refund (default). */
export function statusTheme(status: AfterSaleStatus): 'warning' | 'primary' | 'success' | 'default' | 'danger' {
  if (status === 'REQUESTED' || status === 'RETURN_SHIPPED') return 'warning';
  if (status === 'REFUNDED') return 'success';
  if (status === 'REJECTED') return 'danger';
  if (status === 'CANCELLED' || status === 'CLOSED') return 'default';
  return 'primary';
}

/** "颜色: 红 / 尺码: M" */
export const specsText = (specs: Record<string, string>): string =>
  Object.entries(specs)
    .map(([k, v]) => `${k}: ${v}`)
    .join(' / ');
