import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Code2SessionClient, Kuaidi100Client, WechatPayClient } from '@sutwxapp/wechat';
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

/** `serial=pem-or-path;serial2=…` → key map entries (legacy platform certificates). */
function platformKeys(pay: AppConfig['wechat']['pay']): Record<string, string> {
  const keys: Record<string, string> = { [pay.platformPublicKeyId]: pay.platformPublicKey };
  for (const entry of pay.platformCerts.split(';').filter(Boolean)) {
    const at = entry.indexOf('=');
    if (at > 0) keys[entry.slice(0, at).trim()] = entry.slice(at + 1).trim();
  }
  return keys;
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
        // loud on purpose: a shop running this by mistake gives goods away
        new Logger('WechatSandbox').warn(
          `WECHAT_SANDBOX IS ON (login, pay, express on ${sandbox.url}): any login code signs in and ` +
            '/api/v1/sandbox/orders/:id/simulate-payment pays orders without money. ' +
            'For development and tests only; set the WeChat credentials and WECHAT_SANDBOX=false for a real shop.',
        );
        return sandbox;
      },
    },
    SandboxLifecycle,
    {
      provide: Code2SessionClient,
      inject: [APP_CONFIG, WECHAT_SANDBOX],
      useFactory: (config: AppConfig, sandbox: WechatSandbox | null) =>
        new Code2SessionClient(
          sandbox?.clientOptions().login ?? {
            baseUrl: config.wechat.apiBaseUrl,
            appId: config.wechat.appId,
            appSecret: config.wechat.appSecret,
          },
        ),
    },
    {
      provide: WechatPayClient,
      inject: [APP_CONFIG, WECHAT_SANDBOX],
      useFactory: (config: AppConfig, sandbox: WechatSandbox | null) => {
        if (sandbox) return new WechatPayClient(sandbox.clientOptions().pay);
        const pay = config.wechat.pay;
        return new WechatPayClient({
          baseUrl: pay.baseUrl,
          mchId: pay.mchId,
          appId: config.wechat.appId,
          merchantSerialNo: pay.merchantSerialNo,
          merchantPrivateKey: pay.merchantPrivateKey,
          apiV3Key: pay.apiV3Key,
          platformKeys: platformKeys(pay),
        });
      },
    },
    {
      provide: Kuaidi100Client,
      inject: [APP_CONFIG, WECHAT_SANDBOX],
      useFactory: (config: AppConfig, sandbox: WechatSandbox | null) =>
        new Kuaidi100Client(sandbox?.clientOptions().kuaidi100 ?? config.wechat.kuaidi100),
    },
  ],
  exports: [WECHAT_SANDBOX, Code2SessionClient, WechatPayClient, Kuaidi100Client],
})
export class WechatModule {}
