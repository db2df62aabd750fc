export * from './delivery-companies';
export * from './msg-crypto';
export * from './open-api';
