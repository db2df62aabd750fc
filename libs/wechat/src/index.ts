export { TransportError } from './http';
export * from './kuaidi100';
export * from './login';
export * from './pay';
export * from './platform';
