export type Kuaidi100ErrorKind = 'NO_RESULT' | 'BAD_REQUEST' | 'PHONE_MISMATCH' | 'BAD_SIGN' | 'QUOTA' | 'UNAVAILABLE';

const KIND_BY_RETURN_CODE: Record<string, Kuaidi100ErrorKind> = {
  '500': 'NO_RESULT', // no track yet, or the number is not this carrier's
  '400': 'BAD_REQUEST', // incomplete data (often JSON instead of a form), unknown carrier, account not authorised
  '408': 'PHONE_MISMATCH', // phone missing or wrong (SF, 丰网, 中通)
  '503': 'BAD_SIGN',
  '601': 'QUOTA', // key expired or no queries left
  '501': 'UNAVAILABLE',
  '502': 'UNAVAILABLE',
};

export function kuaidi100ErrorKind(returnCode: string | null): Kuaidi100ErrorKind {
  return (returnCode !== null && KIND_BY_RETURN_CODE[returnCode]) || 'UNAVAILABLE';
}

/** returnCode is null when Kuaidi100 gave no usable answer (network, timeout, non-JSON). */
export class Kuaidi100Error extends Error {
  readonly kind: Kuaidi100ErrorKind;

  constructor(
    readonly returnCode: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'Kuaidi100Error';
    this.kind = kuaidi100ErrorKind(returnCode);
  }
}
