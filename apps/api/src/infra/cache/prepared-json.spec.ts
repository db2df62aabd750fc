import { preparedValue, serializeReply } from './prepared-json';

describe('prepared JSON answers', () => {
  it('sends a prepared value as the exact bytes it was parsed from', () => {
    const json = '{"title":"蓝牙耳机","skus":[{"price":1990}],"n":1.0}';
    const value = preparedValue<{ title: string; skus: Array<{ price: number }> }>(json);
    expect(value.skus[0].price).toBe(1990);
    const sent = serializeReply(value) as unknown;
    expect(Buffer.isBuffer(sent)).toBe(true);
    // "1.0" would come out as "1" through JSON.stringify: the stored bytes are what is sent
    expect((sent as Buffer).toString('utf8')).toBe(json);
  });

  it('freezes a prepared value through and through (every request shares it)', () => {
    const value = preparedValue<{ items: Array<{ id: number }> }>('{"items":[{"id":1}]}');
    expect(Object.isFrozen(value)).toBe(true);
    expect(Object.isFrozen(value.items[0])).toBe(true);
    expect(() => {
      (value.items[0] as { id: number }).id = 2;
    }).toThrow(TypeError);
  });

  it('serialises anything else as JSON.stringify does, copies of prepared values included', () => {
    const value = preparedValue<{ a: number }>('{"a":1.0}');
    expect(serializeReply({ ...value })).toBe('{"a":1}');
    expect(serializeReply({ statusCode: 404, code: 'PRODUCT_NOT_FOUND' })).toBe(
      '{"statusCode":404,"code":"PRODUCT_NOT_FOUND"}',
    );
    expect(preparedValue<number>('42')).toBe(42);
  });
});
