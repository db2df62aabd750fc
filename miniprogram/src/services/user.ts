import type { MeProfile, UpdateProfileRequest } from '../contracts/auth';
import { api } from './request';
import { rememberUser } from './session';

export async function getProfile(): Promise<MeProfile> {
  const user = await api.get<MeProfile>('/me');
  rememberUser(user);
  return user;
}

export async function updateProfile(body: UpdateProfileRequest): Promise<MeProfile> {
  const user = await api.patch<MeProfile>('/me', body);
  rememberUser(user);
  return user;
}
