import { Users1764100000000 } from './1764100000000-users';
import { Catalog1764100001000 } from './1764100001000-catalog';
import { Orders1764100002000 } from './1764100002000-orders';
import { Payments1764100003000 } from './1764100003000-payments';
import { Events1764100004000 } from './1764100004000-events';
import { PurchaseLimits1764200000000 } from './1764200000000-purchase-limits';
import { AdminSessions1764200001000 } from './1764200001000-admin-sessions';
import { WechatPlatform1764400000000 } from './1764400000000-wechat-platform';
import { Media1764300000000 } from './1764300000000-media';
import { ContentReviews1764510000000 } from './1764510000000-content-reviews';
import { Promotions1764540000000 } from './1764540000000-promotions';
import { ProductSearch1764560000000 } from './1764560000000-product-search';
import { SearchRankIndex1764570000000 } from './1764570000000-search-rank-index';
import { OperatorRoles1764550000000 } from './1764550000000-operator-roles';
import { Engagement1764530000000 } from './1764530000000-engagement';
import { AuditLogActor1764572400000 } from './1764572400000-audit-log-actor';
import { OrderConsole1764574200000 } from './1764574200000-order-console';

/** Every migration, in order. A new one is appended here (no glob loading: works after bundling). */
export const MIGRATIONS = [
  Users1764100000000,
  Catalog1764100001000,
  Orders1764100002000,
  Payments1764100003000,
  Events1764100004000,
  PurchaseLimits1764200000000,
  AdminSessions1764200001000,
  Media1764300000000,
  WechatPlatform1764400000000,
  ContentReviews1764510000000,
  Engagement1764530000000,
  Promotions1764540000000,
  OperatorRoles1764550000000,
  ProductSearch1764560000000,
  SearchRankIndex1764570000000,
  AuditLogActor1764572400000,
  OrderConsole1764574200000,
];
