// GENERATED — do not edit. Source: libs/contracts/src/address.ts
// Regenerate with `npm run miniprogram:contracts`; CI fails when this copy is stale.
export interface AddressInput {
  receiverName: string;
  /** mainland mobile, 11 digits starting with 1 */
  phone: string;
  province: string;
  city: string;
  district: string;
  detail: string;
  postalCode?: string | null;
  isDefault?: boolean;
}

export interface Address extends Required<Omit<AddressInput, 'postalCode'>> {
  id: number;
  postalCode: string | null;
}

export type UpdateAddressRequest = Partial<AddressInput>;

export const MAX_ADDRESSES = 20;
