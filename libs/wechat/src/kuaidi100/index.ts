export * from './carriers';
export * from './client';
export * from './errors';
export * from './sign';
export * from './state';
