import { randomUUID } from 'node:crypto';
import type { Order } from '../../../libs/contracts/src';
import type { Shopper } from '../../../apps/api/test/support/factories';
import type { TestApp } from '../../../apps/api/test/support/test-app';
import type { Shop } from './shop';

/** Orders in a given state, made through the API the way the shopper and the operator would. */
export class OrderDesk {
  constructor(
    private readonly t: TestApp,
    private readonly shop: Shop,
  ) {}

  async place(shopper: Shopper, addressId: number, skuId: number, quantity = 1): Promise<Order> {
    const res = await this.t.http
      .post('/api/v1/orders')
      .set(shopper.auth)
      .set('Idempotency-Key', `test-${randomUUID()}`)
      .send({ items: [{ skuId, quantity }], addressId })
      .expect(201);
    return res.body as Order;
  }

  /** Paid through the sandbox: prepay, then WeChat Pay's signed notification. */
  async pay(shopper: Shopper, orderId: number): Promise<void> {
    await this.t.http.post(`/api/v1/orders/${orderId}/pay`).set(shopper.auth).expect(200);
    await this.t.http.post(`/api/v1/sandbox/orders/${orderId}/simulate-payment`).set(shopper.auth).expect(200);
  }

  async ship(orderId: number, trackingNo = `YT${Date.now()}`): Promise<void> {
    await this.t.http
      .post(`/api/v1/admin/orders/${orderId}/ship`)
      .set(this.shop.admin.auth)
      .send({ carrierCode: 'yuantong', trackingNo })
      .expect((res) => {
        if (res.status >= 300) throw new Error(`ship answered ${res.status} ${JSON.stringify(res.body)}`);
      });
  }

  async get(shopper: Shopper, orderId: number): Promise<Order> {
    return (await this.t.http.get(`/api/v1/orders/${orderId}`).set(shopper.auth).expect(200)).body as Order;
  }
}
