import { describe, expect, it } from 'vitest';
import { filterOf, filterProblem, queryFromState, stateFromQuery } from './order-query';

describe('order list state in the URL', () => {
  it('reads every filter, the sort and the page from a shared link', () => {
    const state = stateFromQuery({
      status: 'PAID',
      from: '2025-01-01',
      to: '2025-01-31',
      orderNo: '2025010112',
      phone: '8000',
      product: ' 蓝牙耳机 ',
      sort: 'payableAmount',
      order: 'asc',
      page: '3',
      pageSize: '50',
    });
    expect(state).toEqual({
      status: 'PAID',
      from: '2025-01-01',
      to: '2025-01-31',
      orderNo: '2025010112',
      phone: '8000',
      product: '蓝牙耳机',
      sort: 'payableAmount',
      order: 'asc',
      page: 3,
      pageSize: 50,
    });
  });

  it('drops what the API would refuse instead of breaking the screen', () => {
    expect(
      stateFromQuery({
        status: 'SENT',
        from: '2025-1-1',
        to: 'tomorrow',
        orderNo: '20%',
        phone: '12',
        sort: 'price',
        order: 'up',
        page: '-1',
        pageSize: '13',
        product: 'x'.repeat(65),
      }),
    ).toEqual({ page: 1, pageSize: 20 });
    // a repeated parameter: the first one counts
    expect(stateFromQuery({ status: ['SHIPPED', 'PAID'] }).status).toBe('SHIPPED');
  });

  it('writes only what differs from the defaults, and round-trips', () => {
    expect(queryFromState({ page: 1, pageSize: 20 })).toEqual({});
    const query = queryFromState({ page: 2, pageSize: 10, status: 'SHIPPED', product: '耳机', phone: '' });
    expect(query).toEqual({ status: 'SHIPPED', product: '耳机', page: '2', pageSize: '10' });
    expect(queryFromState(stateFromQuery(query))).toEqual(query);
  });

  it('gives the export the filters without paging', () => {
    expect(filterOf({ page: 4, pageSize: 50, status: 'PAID', from: '2025-01-01' })).toEqual({
      status: 'PAID',
      from: '2025-01-01',
    });
  });

  it('says what is wrong before asking the API', () => {
    expect(filterProblem({ from: '2025-02-01', to: '2025-01-31' })).toBe('开始日期不能晚于结束日期');
    expect(filterProblem({ phone: '138-0013' })).toContain('手机号');
    expect(filterProblem({ orderNo: '2025 01' })).toContain('订单号');
    expect(filterProblem({ from: '2025-01-01', to: '2025-01-01', phone: '13800138000' })).toBeNull();
  });
});
