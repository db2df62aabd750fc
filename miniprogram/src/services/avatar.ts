import type { UserProfile } from '../contracts/auth';

const LOCAL_AVATAR = 'sut.avatar.local';

/**
 * The avatar the shopper picked with the chooseAvatar button. WeChat hands the page a
 * TEMPORARY file (http://tmp/… in DevTools, wxfile://… on a phone): not a URL anyone else can
 * load, and the API refuses it as the profile's avatarUrl. Until the API takes uploads, the
 * choice is kept on this phone and shown here only; this is the one function that changes when
 * media upload lands (upload the file, save the URL the API answers with PATCH /me).
 */
export function keepChosenAvatar(tempPath: string): { avatarUrl: string; savedToProfile: false } {
  wx.setStorageSync(LOCAL_AVATAR, tempPath);
  return { avatarUrl: tempPath, savedToProfile: false };
}

/** The avatar to show: one kept on this phone (not uploadable yet) wins over the profile's. */
export function shownAvatar(profile: Pick<UserProfile, 'avatarUrl'>): string {
  const local: unknown = wx.getStorageSync(LOCAL_AVATAR);
  return typeof local === 'string' && local ? local : (profile.avatarUrl ?? '');
}
