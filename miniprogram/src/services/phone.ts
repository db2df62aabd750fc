/**
 * PLACEHOLDER with the agreed signature; the WeChat platform work (issue 21) provides the real
 * module (the getPhoneNumber code exchanged by the API). null when the number could not be bound.
 */
export async function bindPhoneNumber(code: string): Promise<{ phoneMasked: string } | null> {
  void code;
  return null;
}
