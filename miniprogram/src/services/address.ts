import type { Address, AddressInput } from '../contracts/address';
import { api } from './request';

export const listAddresses = () => api.get<Address[]>('/addresses');

export const getAddress = (id: number) => api.get<Address>(`/addresses/${id}`);

export const createAddress = (input: AddressInput) => api.post<Address>('/addresses', input, { loading: '保存中' });

export const updateAddress = (id: number, input: Partial<AddressInput>) =>
  api.patch<Address>(`/addresses/${id}`, input, { loading: '保存中' });

export const deleteAddress = (id: number) => api.del(`/addresses/${id}`, { loading: '删除中' });

/** The address checkout starts with: the default one, else the newest. */
export function preferredAddress(addresses: Address[], wantedId: number | null): Address | null {
  return addresses.find((a) => a.id === wantedId) ?? addresses.find((a) => a.isDefault) ?? addresses[0] ?? null;
}
