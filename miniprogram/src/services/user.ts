import type { UpdateProfileRequest, UserProfile } from '../contracts/auth';
import { api } from './request';
import { rememberUser } from './session';

export async function getProfile(): Promise<UserProfile> {
  const user = await api.get<UserProfile>('/me');
  rememberUser(user);
  return user;
}

export async function updateProfile(body: UpdateProfileRequest): Promise<UserProfile> {
  const user = await api.patch<UserProfile>('/me', body);
  rememberUser(user);
  return user;
}
