import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Code2SessionClient } from '@sutwxapp/wechat';
import { startWechatSandbox, type WechatSandbox } from '@sutwxapp/wechat-sandbox';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';

export const WECHAT_SANDBOX = Symbol('WECHAT_SANDBOX');

class SandboxLifecycle implements OnApplicationShutdown {
  constructor(@Inject(WECHAT_SANDBOX) private readonly sandbox: WechatSandbox | null) {}
  async onApplicationShutdown(): Promise<void> {
    await this.sandbox?.close();
  }
}

/**
 * The outside world: WeChat login, WeChat Pay and Kuaidi100 clients. With WECHAT_SANDBOX on
 * (development, tests) the same clients talk to libs/wechat-sandbox, started here on loopback.
 */
@Global()
@Module({
  providers: [
    {
      provide: WECHAT_SANDBOX,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig): Promise<WechatSandbox | null> => {
        if (!config.wechatSandbox) return null;
        const sandbox = await startWechatSandbox({ port: Number(process.env.WECHAT_SANDBOX_PORT ?? 0) });
        new Logger('WechatSandbox').log(`WeChat sandbox (login, pay, express) on ${sandbox.url}`);
        return sandbox;
      },
    },
    SandboxLifecycle,
    {
      provide: Code2SessionClient,
      inject: [APP_CONFIG, WECHAT_SANDBOX],
      useFactory: (config: AppConfig, sandbox: WechatSandbox | null) =>
        sandbox
          ? new Code2SessionClient({ baseUrl: sandbox.url, ...sandbox.credentials.miniProgram })
          : new Code2SessionClient({
              baseUrl: config.wechat.apiBaseUrl,
              appId: config.wechat.appId,
              appSecret: config.wechat.appSecret,
            }),
    },
  ],
  exports: [WECHAT_SANDBOX, Code2SessionClient],
})
export class WechatModule {}
