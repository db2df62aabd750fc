import { adminOperatorsLogout, authAdminLogin } from '@sutwxapp/api-client';
import { type AdminProfile, type OperatorRole, permissions } from '@sutwxapp/contracts';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api, call, TOKEN_KEY } from '../api/client';
import { useOrderScreens } from './orders';

const PROFILE_KEY = 'sutwxapp.admin.profile';

function storedProfile(): AdminProfile | null {
  try {
    return JSON.parse(sessionStorage.getItem(PROFILE_KEY) ?? 'null') as AdminProfile | null;
  } catch {
    return null;
  }
}

/** The signed-in operator and what their role may do (the API decides; this only hides). */
export const useSession = defineStore('session', () => {
  const profile = ref<AdminProfile | null>(sessionStorage.getItem(TOKEN_KEY) ? storedProfile() : null);
  const role = computed<OperatorRole | null>(() => profile.value?.operatorRole ?? null);
  const signedIn = computed(() => profile.value !== null);

  async function signIn(username: string, password: string): Promise<void> {
    const res = await call(authAdminLogin({ client: api, body: { username, password } }));
    sessionStorage.setItem(TOKEN_KEY, res.accessToken);
    sessionStorage.setItem(PROFILE_KEY, JSON.stringify(res.admin));
    profile.value = res.admin;
  }

  async function signOut(): Promise<void> {
    try {
      await call(adminOperatorsLogout({ client: api }));
    } finally {
      sessionStorage.removeItem(TOKEN_KEY);
      sessionStorage.removeItem(PROFILE_KEY);
      profile.value = null;
      // the next operator in this tab starts from the unfiltered list
      useOrderScreens().listQuery = {};
    }
  }

  /** `may('POST', '/admin/orders/{id}/refund')`: the permission table's answer for this role. */
  function may(method: string, path: string): boolean {
    return role.value !== null && permissions.roleMay(role.value, method, path);
  }

  return { profile, role, signedIn, signIn, signOut, may };
});
