export * from './sandbox';
export { SandboxStats } from './stats';
export type { SandboxClock, MiniProgramCredentials } from './context';
export type { SandboxPayCredentials } from './pay/credentials';
export * from './pay/notifications';
export {
  DEFAULT_NOTIFY_RETRY_SCHEDULE_MS,
  PaySandbox,
  SandboxPayError,
  type DeliveryResult,
  type NotifyOptions,
  type PaymentSimulation,
  type PaySandboxOptions,
  type RefundCompletion,
  type SimulatePaymentOptions,
} from './pay/pay-sandbox';
export type { ResponseFault } from './pay/wire';
export type { Kuaidi100Credentials } from './kuaidi100/kuaidi100.routes';
export {
  PlatformSandbox,
  SANDBOX_REVIEW_WORDS,
  SANDBOX_RISKY_WORDS,
  type PushConfig,
  type PushResult,
  type RecordedSubscribeMessage,
  type RecordedUpload,
} from './platform/platform-sandbox';
