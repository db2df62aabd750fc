/**
 * The in-process cache store when Redis is not configured. Keyv's default Map never forgets an
 * expired key until it is read again, and keys include shopper-typed search keywords, so an
 * unbounded Map would grow forever: this one drops the oldest entry past `max`.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly max: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (super.has(key)) super.delete(key);
    super.set(key, value);
    if (this.size > this.max) {
      const oldest = this.keys().next();
      if (!oldest.done) super.delete(oldest.value);
    }
    return this;
  }
}
