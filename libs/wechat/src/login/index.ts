export * from './code2session';
export * from './errors';
