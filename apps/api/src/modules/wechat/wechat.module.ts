import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Code2SessionClient, Kuaidi100Client, WechatPayClient } from '@sutwxapp/wechat';
import { startWechatSandbox, type WechatSandbox } from '@sutwxapp/wechat-sandbox';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';

export const WECHAT_SANDBOX = Symbol('WECHAT_SANDBOX');

/**
 * Apps started in one process with the same fixed WECHAT_SANDBOX_PORT share one sandbox (two
 * replicas in a test, or an app restarted while WeChat's state, its paid orders and tokens, lives
 * on). The last app to stop closes it.
 */
const sharedSandboxes = new Map<number, { sandbox: Promise<WechatSandbox>; refs: number }>();

async function acquireSandbox(port: number): Promise<WechatSandbox> {
  if (port === 0) return startWechatSandbox({ port });
  let entry = sharedSandboxes.get(port);
  if (!entry) {
    entry = { sandbox: startWechatSandbox({ port }), refs: 0 };
    sharedSandboxes.set(port, entry);
    entry.sandbox.catch(() => sharedSandboxes.delete(port));
  }
  entry.refs++;
  return entry.sandbox;
}

/** Keeps a shared sandbox open while something outside the apps (a test) still needs it. */
export async function retainSharedSandbox(port: number): Promise<{ sandbox: WechatSandbox; release(): Promise<void> }> {
  const sandbox = await acquireSandbox(port);
  return { sandbox, release: () => releaseSandbox(sandbox) };
}

async function releaseSandbox(sandbox: WechatSandbox): Promise<void> {
  const entry = sharedSandboxes.get(sandbox.port);
  if (entry && (await entry.sandbox) === sandbox) {
    if (--entry.refs > 0) return;
    sharedSandboxes.delete(sandbox.port);
  }
  await sandbox.close();
}

class SandboxLifecycle implements OnApplicationShutdown {
  constructor(@Inject(WECHAT_SANDBOX) private readonly sandbox: WechatSandbox | null) {}
  async onApplicationShutdown(): Promise<void> {
    if (this.sandbox) await releaseSandbox(this.sandbox);
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
        const sandbox = await acquireSandbox(config.runtime.wechatSandboxPort);
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
