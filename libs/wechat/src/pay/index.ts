export * from './aes-gcm';
export * from './client';
export * from './errors';
export * from './format';
export * from './keys';
export { verifyNotification, type NotificationCheck } from './notification';
export * from './sign';
export * from './types';
export { checkWechatpaySignature, readHeader, type HeaderBag, type SignatureCheck } from './verify-signature';
