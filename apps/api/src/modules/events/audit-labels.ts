import type { AuditKind } from '@sutwxapp/contracts';

/**
 * What each operator write is called on the owner's audit-log screen: the action, and the noun
 * of what it acts on (with the `{id}` path parameter it becomes the target, e.g. 售后单 #12).
 * Keyed like the permission table (libs/contracts permissions.ts); a route missing here is shown
 * by its method and path, and a unit test lists the write routes of that table without a name.
 */
export const ADMIN_ACTION_LABELS: Readonly<Record<string, readonly [action: string, noun: string | null]>> = {
  'POST /admin/logout': ['退出登录', null],
  'POST /admin/account/password': ['修改自己的密码', null],
  'POST /admin/operators': ['新建操作员', '操作员'],
  'PATCH /admin/operators/{id}': ['修改操作员角色', '操作员'],
  'POST /admin/operators/{id}/password': ['重置操作员密码', '操作员'],
  'POST /admin/operators/{id}/disable': ['停用操作员', '操作员'],
  'POST /admin/operators/{id}/enable': ['启用操作员', '操作员'],
  'POST /admin/categories': ['新建分类', '分类'],
  'PATCH /admin/categories/{id}': ['修改分类', '分类'],
  'DELETE /admin/categories/{id}': ['删除分类', '分类'],
  'POST /admin/products': ['新建商品', '商品'],
  'PATCH /admin/products/{id}': ['修改商品', '商品'],
  'DELETE /admin/products/{id}': ['删除商品', '商品'],
  'POST /admin/products/bulk-shelf': ['批量上下架', '商品'],
  'POST /admin/products/{id}/skus': ['新增 SKU', '商品'],
  'PATCH /admin/skus/{id}': ['修改 SKU', 'SKU'],
  'DELETE /admin/skus/{id}': ['删除 SKU', 'SKU'],
  'POST /admin/skus/{id}/stock-adjustments': ['调整库存', 'SKU'],
  'POST /admin/banners': ['新建轮播图', '轮播图'],
  'PATCH /admin/banners/{id}': ['修改轮播图', '轮播图'],
  'DELETE /admin/banners/{id}': ['删除轮播图', '轮播图'],
  'POST /admin/media': ['上传图片', '图片'],
  'DELETE /admin/media/{id}': ['删除图片', '图片'],
  'POST /admin/orders/{id}/ship': ['发货', '订单'],
  'POST /admin/orders/{id}/refund': ['整单退款', '订单'],
  'POST /admin/orders/{id}/wechat-shipping/reupload': ['重新上传发货信息', '订单'],
  'POST /admin/orders/bulk-ship': ['批量发货', '订单'],
  'POST /admin/coupons': ['新建优惠券', '优惠券'],
  'PATCH /admin/coupons/{id}': ['修改优惠券', '优惠券'],
  'POST /admin/aftersales/{id}/approve': ['同意售后', '售后单'],
  'POST /admin/aftersales/{id}/reject': ['拒绝售后', '售后单'],
  'POST /admin/aftersales/{id}/receive': ['确认退货收货', '售后单'],
  'POST /admin/reviews/{id}/hide': ['隐藏评价', '评价'],
  'POST /admin/reviews/{id}/show': ['显示评价', '评价'],
  'POST /admin/reviews/{id}/reply': ['回复评价', '评价'],
  'POST /admin/content-reviews/{id}/approve': ['通过内容审核', '内容审核'],
  'POST /admin/content-reviews/{id}/reject': ['驳回内容审核', '内容审核'],
};

const NOTIFICATION_ACTIONS: Partial<Record<AuditKind, string>> = {
  payment_notification: '收到微信支付通知',
  refund_notification: '收到微信退款通知',
};

/** Body fields worth a word in the summary, with their Chinese names (yes/no for booleans). */
const FACTS: ReadonlyArray<readonly [key: string, label: string, yes?: string, no?: string]> = [
  ['name', '名称'],
  ['title', '标题'],
  ['username', '用户名'],
  ['operatorRole', '角色'],
  ['reason', '原因'],
  ['content', '内容'],
  ['issuing', '发放', '开始', '停止'],
  ['onShelf', '上架', '是', '否'],
  ['ids', '商品 ID'],
  ['active', '展示', '是', '否'],
  ['restock', '退回库存', '是', '否'],
  ['totalQuantity', '总量'],
  ['delta', '库存变化'],
  ['carrierCode', '快递公司'],
  ['trackingNo', '运单号'],
  ['eventType', '事件'],
  ['notificationId', '通知 ID'],
];

const MAX_FACT_CHARS = 60;

/** `/api/v1/admin/aftersales/:id/approve` → `/admin/aftersales/{id}/approve` (the permission table's form). */
export function documentedRoute(route: unknown): string | null {
  if (typeof route !== 'string') return null;
  return route.replace(/^\/api\/v1/, '').replace(/:([A-Za-z_]\w*)/g, '{$1}');
}

export interface AuditWords {
  action: string;
  target: string | null;
  summary: string;
}

/** An audit row's payload in words: the action, its target and the request's key facts. */
export function describeAudit(kind: AuditKind, payload: Record<string, unknown>): AuditWords {
  const route = documentedRoute(payload.route);
  const method = typeof payload.method === 'string' ? payload.method : null;
  const params = (payload.params ?? {}) as Record<string, unknown>;
  const body = (payload.body && typeof payload.body === 'object' ? payload.body : {}) as Record<string, unknown>;
  const facts = summarise(kind === 'admin_action' ? body : payload);
  if (kind !== 'admin_action') {
    return { action: NOTIFICATION_ACTIONS[kind] ?? kind, target: route, summary: facts };
  }
  const label = method && route ? ADMIN_ACTION_LABELS[`${method} ${route}`] : undefined;
  const action = label?.[0] ?? [method, route].filter(Boolean).join(' ');
  const noun = label?.[1] ?? null;
  const id = params.id === undefined ? null : String(params.id);
  return { action, target: noun && id ? `${noun} #${id}` : noun, summary: facts };
}

function summarise(source: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, label, yes, no] of FACTS) {
    const value = source[key];
    if (value === undefined || value === null || value === '') continue;
    let text: string;
    if (typeof value === 'boolean') text = value ? (yes ?? '是') : (no ?? '否');
    else if (typeof value === 'string' || typeof value === 'number') text = String(value);
    // a bulk request's ids (POST /admin/products/bulk-shelf): which products it touched
    else if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'number')) {
      text = value.join(', ');
    } else continue;
    parts.push(`${label}：${text.length > MAX_FACT_CHARS ? `${text.slice(0, MAX_FACT_CHARS)}…` : text}`);
  }
  return parts.join('；');
}
