import type { OrderAddress } from './order';

// What an order copies of an address (OrderAddress) and what only the address book keeps. The
// exported type is a Pick so the generated schema keeps the fields in this order (an interface that
// extends another lists its own fields first and sorts `required`).
interface AddressBookFields extends OrderAddress {
  /** mainland mobile, 11 digits starting with 1 */
  phone: string;
  postalCode?: string | null;
  isDefault?: boolean;
}

export type AddressInput = Pick<
  AddressBookFields,
  'receiverName' | 'phone' | 'province' | 'city' | 'district' | 'detail' | 'postalCode' | 'isDefault'
>;

export interface Address extends Required<Omit<AddressInput, 'postalCode'>> {
  id: number;
  postalCode: string | null;
}

export type UpdateAddressRequest = Partial<AddressInput>;

export const MAX_ADDRESSES = 20;
