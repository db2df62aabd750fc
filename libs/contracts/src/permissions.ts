/**
 * Who may call which admin route: the operator roles and the one permission table that the API
 * enforces (AuthGuard, per route) and the console reads to hide what a role can't do.
 *
 * Keys are `METHOD path` as the OpenAPI document writes them, without the /api/v1 prefix. The
 * owner may call every admin route; a route missing from the table is owner-only, so a route
 * added later opens to nobody else by accident (an e2e test lists every admin route of the
 * document and fails when one has no row here).
 */
export type OperatorRole = 'owner' | 'operations' | 'customer_service' | 'finance';

export const OPERATOR_ROLES: readonly OperatorRole[] = ['owner', 'operations', 'customer_service', 'finance'];

export const OPERATOR_ROLE_LABELS: Record<OperatorRole, string> = {
  owner: '店主',
  operations: '运营',
  customer_service: '客服',
  finance: '财务',
};

const ALL: readonly OperatorRole[] = ['owner', 'operations', 'customer_service', 'finance'];
const OWNER: readonly OperatorRole[] = ['owner'];
const OPS: readonly OperatorRole[] = ['owner', 'operations'];
const ORDERS_READ: readonly OperatorRole[] = ['owner', 'operations', 'customer_service', 'finance'];
const CATALOG_READ: readonly OperatorRole[] = ['owner', 'operations', 'customer_service'];
const FIGURES: readonly OperatorRole[] = ['owner', 'operations', 'finance'];
const MONEY_OUT: readonly OperatorRole[] = ['owner', 'finance'];
/** a file of every matching order with receivers' names, phones and addresses: not customer service */
const ORDERS_EXPORT: readonly OperatorRole[] = ['owner', 'operations', 'finance'];
/** after-sale requests refund at most a line's paid share, so customer service decides them */
const AFTERSALE: readonly OperatorRole[] = ['owner', 'customer_service', 'finance'];
const MODERATION: readonly OperatorRole[] = ['owner', 'operations', 'customer_service'];

/** The permission table (docs/admin-console.md shows it as a table). */
export const ADMIN_PERMISSIONS: Readonly<Record<string, readonly OperatorRole[]>> = {
  // the operator's own session
  'GET /admin/account': ALL,
  'POST /admin/logout': ALL,
  'POST /admin/account/password': ALL,
  // operators and roles
  'GET /admin/operators': OWNER,
  'POST /admin/operators': OWNER,
  'PATCH /admin/operators/{id}': OWNER,
  'POST /admin/operators/{id}/password': OWNER,
  'POST /admin/operators/{id}/disable': OWNER,
  'POST /admin/operators/{id}/enable': OWNER,
  'GET /admin/audit-log': OWNER,
  // catalog
  'GET /admin/categories': CATALOG_READ,
  'POST /admin/categories': OPS,
  'PATCH /admin/categories/{id}': OPS,
  'DELETE /admin/categories/{id}': OPS,
  'GET /admin/products': CATALOG_READ,
  'GET /admin/products/{id}': CATALOG_READ,
  'POST /admin/products': OPS,
  'PATCH /admin/products/{id}': OPS,
  'DELETE /admin/products/{id}': OPS,
  'POST /admin/products/bulk-shelf': OPS,
  'POST /admin/products/{id}/skus': OPS,
  'PATCH /admin/skus/{id}': OPS,
  'DELETE /admin/skus/{id}': OPS,
  'POST /admin/skus/{id}/stock-adjustments': OPS,
  'GET /admin/skus/{id}/stock-adjustments': CATALOG_READ,
  'GET /admin/banners': OPS,
  'POST /admin/banners': OPS,
  'PATCH /admin/banners/{id}': OPS,
  'DELETE /admin/banners/{id}': OPS,
  // media
  'GET /admin/media': OPS,
  'POST /admin/media': OPS,
  'GET /admin/media/{id}': OPS,
  'DELETE /admin/media/{id}': OPS,
  // orders
  'GET /admin/orders': ORDERS_READ,
  'GET /admin/orders/{id}': ORDERS_READ,
  'GET /admin/orders/export.csv': ORDERS_EXPORT,
  'GET /admin/orders/{id}/payment': ORDERS_READ,
  'POST /admin/orders/{id}/ship': OPS,
  'POST /admin/orders/bulk-ship': OPS,
  'POST /admin/orders/{id}/refund': MONEY_OUT,
  'GET /admin/wechat/shipping-uploads': ORDERS_READ,
  'GET /admin/orders/{id}/wechat-shipping': ORDERS_READ,
  'POST /admin/orders/{id}/wechat-shipping/reupload': OPS,
  // promotions and after-sale
  'GET /admin/coupons': OPS,
  'POST /admin/coupons': OPS,
  'PATCH /admin/coupons/{id}': OPS,
  'GET /admin/aftersales': ORDERS_READ,
  'GET /admin/aftersales/{id}': ORDERS_READ,
  'GET /admin/aftersales/{id}/logistics': ORDERS_READ,
  'POST /admin/aftersales/{id}/approve': AFTERSALE,
  'POST /admin/aftersales/{id}/reject': AFTERSALE,
  'POST /admin/aftersales/{id}/receive': AFTERSALE,
  // shoppers' reviews: moderation and the merchant's reply
  'GET /admin/reviews': MODERATION,
  'GET /admin/reviews/ratings': MODERATION,
  'GET /admin/reviews/{id}': MODERATION,
  'POST /admin/reviews/{id}/hide': MODERATION,
  'POST /admin/reviews/{id}/show': MODERATION,
  'POST /admin/reviews/{id}/reply': MODERATION,
  // shopper content WeChat wants a person to check
  'GET /admin/content-reviews': MODERATION,
  'POST /admin/content-reviews/{id}/approve': MODERATION,
  'POST /admin/content-reviews/{id}/reject': MODERATION,
  // figures
  'GET /admin/analytics/funnel': FIGURES,
  'GET /admin/analytics/top-products': FIGURES,
  'GET /admin/analytics/top-searches': FIGURES,
  'GET /admin/analytics/daily-sales': FIGURES,
};

/**
 * Lookups over the table (an object, not exported functions: the contract-schema generator
 * makes a schema of every exported function type).
 *   permissions.rolesFor('GET', '/admin/orders/{id}') → roles (owner only when the route has no row)
 *   permissions.roleMay('finance', 'POST', '/admin/orders/{id}/refund') → true
 */
export const permissions = {
  rolesFor(method: string, path: string): readonly OperatorRole[] {
    return ADMIN_PERMISSIONS[`${method.toUpperCase()} ${path}`] ?? OWNER;
  },
  roleMay(role: OperatorRole, method: string, path: string): boolean {
    return permissions.rolesFor(method, path).includes(role);
  },
};
