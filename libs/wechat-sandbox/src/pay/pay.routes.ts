import type { SandboxStats } from '../stats';
import {
  json,
  parseJsonObject,
  type Handler,
  type Route,
  type SandboxRequest,
  type SandboxResponse,
} from '../http-util';
import type { PayLedger } from './ledger';
import { SandboxPayError, type PaySandbox } from './pay-sandbox';
import { paramError, type PayFailure } from './validate';
import type { PayWire } from './wire';

/** The WeChat Pay v3 endpoints (spec §2.2, §2.6) and the /sandbox/pay control endpoints. */
export function payRoutes(stats: SandboxStats, ledger: PayLedger, wire: PayWire, control: PaySandbox): Route[] {
  const failure = (f: PayFailure): SandboxResponse => wire.error(f.status, f.code, f.message, f.detail, f.numericCode);

  /** Counts the call, then refuses anything not signed by the merchant before looking at it. */
  const signed =
    (endpoint: string, handler: (req: SandboxRequest) => SandboxResponse): Handler =>
    (req) => {
      stats.hit(endpoint);
      const auth = wire.authenticate(req);
      return auth.ok ? handler(req) : auth.response;
    };

  const jsonBody = (req: SandboxRequest, then: (b: Record<string, unknown>) => SandboxResponse): SandboxResponse => {
    const b = parseJsonObject(req.body);
    return b ? then(b) : wire.error(400, 'PARAM_ERROR', '请求体不是合法的 JSON 对象');
  };

  const mchidQuery = (req: SandboxRequest): PayFailure | undefined => {
    const mchid = req.url.searchParams.get('mchid');
    return mchid === wire.credentials.mchId
      ? undefined
      : paramError('/mchid', mchid, 'mchid 缺失或与商户号不一致', 'query');
  };

  const queryOrder = (find: (key: string) => ReturnType<PayLedger['find']>) =>
    signed('pay.query', (req) => {
      const bad = mchidQuery(req);
      if (bad) return failure(bad);
      const found = find(req.params[0]);
      return found.ok ? wire.respond(200, ledger.transactionView(found.value)) : failure(found);
    });

  const controlEndpoint =
    (run: (b: Record<string, unknown>) => Promise<object>): Handler =>
    async (req) => {
      const b = parseJsonObject(req.body) ?? {};
      try {
        return json(200, await run(b));
      } catch (err) {
        if (err instanceof SandboxPayError) return json(err.status, { code: err.code, message: err.message });
        throw err;
      }
    };

  return [
    {
      method: 'POST',
      path: '/v3/pay/transactions/jsapi',
      handler: signed('pay.jsapi', (req) =>
        jsonBody(req, (b) => {
          const r = ledger.prepay(b);
          return r.ok ? wire.respond(200, { prepay_id: r.value }) : failure(r);
        }),
      ),
    },
    {
      method: 'GET',
      path: /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/,
      handler: queryOrder((k) => ledger.find(k)),
    },
    {
      method: 'GET',
      path: /^\/v3\/pay\/transactions\/id\/([^/]+)$/,
      handler: queryOrder((k) => ledger.findByTransactionId(k)),
    },
    {
      method: 'POST',
      path: /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)\/close$/,
      handler: signed('pay.close', (req) =>
        jsonBody(req, (b) => {
          if (b.mchid !== wire.credentials.mchId)
            return failure(paramError('/mchid', b.mchid, 'mchid 缺失或与商户号不一致'));
          const r = ledger.close(req.params[0]);
          return r.ok ? wire.respond(204) : failure(r);
        }),
      ),
    },
    {
      method: 'POST',
      path: '/v3/refund/domestic/refunds',
      handler: signed('refund.create', (req) =>
        jsonBody(req, (b) => {
          const known = typeof b.out_refund_no === 'string' && ledger.refunds.has(b.out_refund_no);
          const r = ledger.createRefund(b);
          if (!r.ok) return failure(r);
          if (!known) control.refundCreated(r.value);
          return wire.respond(200, ledger.refundView(r.value));
        }),
      ),
    },
    {
      method: 'GET',
      path: /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/,
      handler: signed('refund.query', (req) => {
        const r = ledger.findRefund(req.params[0]);
        return r.ok ? wire.respond(200, ledger.refundView(r.value)) : failure(r);
      }),
    },
    // --- control endpoints for developers (curl during `npm start`); not part of WeChat's API
    {
      method: 'POST',
      path: '/sandbox/pay/simulate',
      handler: controlEndpoint((b) => {
        if (typeof b.out_trade_no !== 'string') throw new SandboxPayError(400, 'PARAM_ERROR', 'out_trade_no required');
        const duplicates = typeof b.duplicates === 'number' ? b.duplicates : 0;
        return control.simulatePayment(b.out_trade_no, { duplicates });
      }),
    },
    {
      method: 'POST',
      path: '/sandbox/pay/refunds/complete',
      handler: controlEndpoint((b) => {
        if (typeof b.out_refund_no !== 'string')
          throw new SandboxPayError(400, 'PARAM_ERROR', 'out_refund_no required');
        const status = b.status === 'ABNORMAL' || b.status === 'CLOSED' ? b.status : 'SUCCESS';
        return control.completeRefund(b.out_refund_no, { status });
      }),
    },
    { method: 'GET', path: '/sandbox/pay/orders', handler: () => json(200, { orders: control.listOrders() }) },
  ];
}
