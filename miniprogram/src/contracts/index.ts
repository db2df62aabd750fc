// GENERATED — do not edit. Source: libs/contracts/src/index.ts
// Regenerate with `npm run miniprogram:contracts`; CI fails when this copy is stale.
export * from './address';
export * from './auth';
export * from './cart';
export * from './catalog';
export * from './admin-catalog';
export * from './common';
export * from './errors';
export * from './events';
export * from './health';
export * from './logistics';
export * from './media';
export * from './moderation';
export * from './order';
export * from './admin-order';
export * from './wechat';
export * from './promotion';
export * from './aftersale';
export * from './permissions';
export * from './favourite';
export * from './review';
