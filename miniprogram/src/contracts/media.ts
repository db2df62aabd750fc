// GENERATED — do not edit. Source: libs/contracts/src/media.ts
// Regenerate with `npm run miniprogram:contracts`; CI fails when this copy is stale.
import type { IsoDateTime, Page } from './common';

/** What an upload is for; decides nothing about processing, only what operators filter by. */
export type MediaKind = 'product' | 'banner' | 'category' | 'review' | 'avatar' | 'other';

/**
 * PENDING: a shopper's image waiting for WeChat's content check, shown only to its owner.
 * READY: visible to anyone it is put in front of. REVIEW: WeChat asked for a human look; held.
 * REJECTED: WeChat found it risky; its files are removed.
 */
export type MediaStatus = 'PENDING' | 'READY' | 'REVIEW' | 'REJECTED';

/** Widths every image is produced at (never enlarged: a smaller original keeps its width). */
export const MEDIA_WIDTHS = [240, 750, 1500] as const;
export type MediaWidth = (typeof MEDIA_WIDTHS)[number];

export interface MediaVariant {
  /** the nominal width this file is served under (240, 750 or 1500) */
  name: MediaWidth;
  format: 'jpeg' | 'webp';
  width: number;
  height: number;
  bytes: number;
  url: string;
}

export interface Media {
  id: number;
  /** what to put in a product's `images`, a category's `icon` or a banner's `image` */
  ref: string;
  kind: MediaKind;
  status: MediaStatus;
  /** the original's format, decided from its bytes */
  sourceFormat: 'jpeg' | 'png' | 'webp' | 'gif';
  width: number;
  height: number;
  /** size of the upload as received */
  bytes: number;
  /** the 750 px JPEG: what pages show by default */
  url: string;
  variants: MediaVariant[];
  createdAt: IsoDateTime;
}

export interface MediaUploadResult {
  items: Media[];
}

export interface MediaReference {
  type: string;
  id: number;
  label: string;
}

export interface AdminMedia extends Media {
  ownerType: 'admin' | 'user';
  ownerId: number;
}

export type AdminMediaPage = Page<AdminMedia>;

/** One image for operators, with the rows that use it (it cannot be deleted while any do). */
export interface AdminMediaDetail extends AdminMedia {
  references: MediaReference[];
}
