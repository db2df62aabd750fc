import type { OperatorRole } from './permissions';

import type { IsoDateTime } from './common';

export type Role = 'shopper' | 'admin';

export interface WechatLoginRequest {
  /** the code from wx.login(), valid once for about 5 minutes */
  code: string;
}

export interface UserProfile {
  id: number;
  nickname: string | null;
  /** 240 px wide; an uploaded avatar is shown to its owner while WeChat's content check runs */
  avatarUrl: string | null;
  createdAt: IsoDateTime;
}

/** GET/PATCH /me: the profile as its owner sees it, with what still waits for an operator. */
export interface MeProfile extends UserProfile {
  /** a new nickname waits for an operator (WeChat's msg_sec_check said `review`); others still see `nickname` */
  nicknamePending: boolean;
  /** the nickname that waits, shown only to its owner; null when none */
  pendingNickname: string | null;
  /** the phone number bound through WeChat's button, masked (139****9876); null when none is bound */
  phoneMasked: string | null;
}

export interface LoginResponse {
  accessToken: string;
  /** seconds until the token expires */
  expiresIn: number;
  user: UserProfile;
}

export interface UpdateProfileRequest {
  nickname?: string;
  /** the `ref` of one's own avatar upload (`media:<id>`, POST /media?kind=avatar), or an http(s) URL */
  avatarUrl?: string;
}

export interface AdminLoginRequest {
  username: string;
  password: string;
}

export interface AdminProfile {
  id: number;
  username: string;
  role: 'admin';
  /** what this operator may do: libs/contracts permissions.ts */
  operatorRole: OperatorRole;
}

/** GET /admin/operators: one operator as the owner manages them. */
export interface OperatorView {
  id: number;
  username: string;
  operatorRole: OperatorRole;
  disabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface OperatorList {
  items: OperatorView[];
}

/** POST /admin/operators */
export interface CreateOperatorRequest {
  username: string;
  password: string;
  operatorRole: OperatorRole;
}

/** PATCH /admin/operators/:id: a new role takes effect on the operator's next request. */
export interface UpdateOperatorRequest {
  operatorRole: OperatorRole;
}

export interface AdminLoginResponse {
  accessToken: string;
  expiresIn: number;
  admin: AdminProfile;
}

/** POST /admin/account/password: the calling operator's own password. */
export interface ChangePasswordRequest {
  currentPassword: string;
  /**
   * 8 characters to 72 bytes in UTF-8 (bcrypt reads no further: about 24 Chinese characters)
   * @minLength 8
   */
  newPassword: string;
}

/** POST /admin/operators/:id/password: another operator's password. */
export interface ResetPasswordRequest {
  /**
   * 8 characters to 72 bytes in UTF-8
   * @minLength 8
   */
  newPassword: string;
}
