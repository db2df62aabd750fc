import type { CartView } from '../../src/contracts/cart';
import type { Order } from '../../src/contracts/order';
import { cartScreen } from '../../src/pages/cart/cart-view';
import { addressProblem, fromWechatAddress, fullAddress, maskPhone } from '../../src/utils/address';
import { orderActions } from '../../src/utils/order';
import { toQueryString, withQuery } from '../../src/utils/query';
import { formatCountdown } from '../../src/utils/time';

describe('small helpers the pages lean on', () => {
  it('counts down in minutes, then hours', () => {
    expect(formatCountdown(1800)).toBe('30:00');
    expect(formatCountdown(61)).toBe('01:01');
    expect(formatCountdown(3723)).toBe('1:02:03');
    expect(formatCountdown(-5)).toBe('00:00');
  });

  it('builds query strings, leaving out empty values', () => {
    expect(toQueryString({ a: 1, b: undefined, c: 'x y', d: '', e: null })).toBe('a=1&c=x%20y');
    expect(withQuery('/pages/a/index', { id: 3 })).toBe('/pages/a/index?id=3');
    expect(withQuery('/pages/a/index?x=1', { id: 3 })).toBe('/pages/a/index?x=1&id=3');
  });

  it('imports a WeChat address, normalising the phone number', () => {
    const input = fromWechatAddress({
      userName: ' 李四 ',
      telNumber: '+86 139-1234-5678',
      provinceName: '北京市',
      cityName: '北京市',
      countyName: '朝阳区',
      detailInfo: '建国路 1 号',
      detailInfoNew: '',
      postalCode: '100000',
      nationalCode: '110105',
      streetName: '',
      errMsg: 'chooseAddress:ok',
    });
    expect(input).toEqual({
      receiverName: '李四',
      phone: '13912345678',
      province: '北京市',
      city: '北京市',
      district: '朝阳区',
      detail: '建国路 1 号',
      postalCode: '100000',
    });
    expect(addressProblem(input)).toBeNull();
    expect(fullAddress(input)).toBe('北京市朝阳区建国路 1 号');
    expect(maskPhone(input.phone)).toBe('139****5678');
  });

  it('words the first problem of an address form', () => {
    const ok = {
      receiverName: '张三',
      phone: '13800138000',
      province: '广东省',
      city: '深圳市',
      district: '南山区',
      detail: '1 栋',
    };
    expect(addressProblem({ ...ok, receiverName: ' ' })).toBe('请填写收货人');
    expect(addressProblem({ ...ok, phone: '12800138000' })).toBe('请填写正确的手机号码');
    expect(addressProblem({ ...ok, district: '' })).toBe('请选择所在地区');
    expect(addressProblem({ ...ok, postalCode: '123' })).toBe('邮政编码应为 6 位数字');
  });

  it('offers the order buttons the state table allows', () => {
    const actions = (status: Order['status'], shipped = false) =>
      orderActions({
        status,
        shipment: shipped
          ? { carrierCode: 'yt', carrierName: '圆通', trackingNo: 'YT1', shippedAt: '', items: null }
          : null,
      });
    expect(actions('PENDING_PAYMENT')).toEqual({ pay: true, cancel: true, confirmReceipt: false, logistics: false });
    expect(actions('PAID')).toEqual({ pay: false, cancel: false, confirmReceipt: false, logistics: false });
    expect(actions('SHIPPED', true)).toEqual({ pay: false, cancel: false, confirmReceipt: true, logistics: true });
    expect(actions('COMPLETED', true)).toMatchObject({ confirmReceipt: false, logistics: true });
    expect(actions('CANCELLED')).toEqual({ pay: false, cancel: false, confirmReceipt: false, logistics: false });
  });

  it('splits the cart into buyable and unavailable lines and keeps the API totals', () => {
    const item = (id: number, state: CartView['items'][number]['state'], selected = true) => ({
      id,
      skuId: id,
      productId: id,
      title: `商品${id}`,
      image: null,
      specs: { 颜色: '红' },
      price: 1000,
      quantity: 3,
      selected,
      stock: state === 'insufficient_stock' ? 2 : state === 'available' ? 10 : 0,
      state,
    });
    const screen = cartScreen({
      items: [item(1, 'available'), item(2, 'insufficient_stock', false), item(3, 'sold_out'), item(4, 'off_shelf')],
      selectedCount: 3,
      selectedTotal: 3000,
    });
    expect(screen.lines.map((l) => [l.id, l.notice, l.maxQuantity])).toEqual([
      [1, '', 10],
      [2, '库存仅剩 2 件，请减少数量', 3],
    ]);
    expect(screen.unavailable.map((l) => l.notice)).toEqual(['已售罄', '已下架']);
    expect(screen).toMatchObject({ allSelected: false, selectedCount: 3, selectedTotal: 3000 });
  });
});
