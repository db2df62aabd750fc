// GENERATED — do not edit. Source: libs/contracts/src/logistics.ts
// Regenerate with `npm run miniprogram:contracts`; CI fails when this copy is stale.
import type { IsoDateTime } from './common';

export interface Carrier {
  /** Kuaidi100's lower-case company code, e.g. `yuantong` */
  code: string;
  /** Chinese display name, e.g. 圆通速递 */
  name: string;
  /** Kuaidi100 needs the phone's last four digits for this carrier (SF, 中通, 丰网) */
  phoneRequired: boolean;
}

/** GET /logistics/carriers */
export type CarrierList = Carrier[];

export interface TrackingEvent {
  time: IsoDateTime;
  context: string;
  location: string | null;
}

export interface Tracking {
  carrier: Carrier;
  trackingNo: string;
  /** Kuaidi100 state code: 0 在途, 1 揽收, 3 签收, 5 派件 …; null while the carrier has no scan yet */
  state: number | null;
  stateText: string;
  signed: boolean;
  /** newest first */
  events: TrackingEvent[];
  /** e.g. "暂无物流信息，请稍后再查" when the carrier has no scan yet */
  message: string | null;
  /** when the carrier was last asked (answers are cached; Kuaidi100 locks numbers queried too often) */
  updatedAt: IsoDateTime;
}

/** The message a shopper sees while the carrier has no scan for the number yet. */
export const TRACKING_NO_RESULT_MESSAGE = '暂无物流信息，请稍后再查';

/** Tracking numbers operators may enter: 4 to 32 letters and digits. */
export const TRACKING_NO_PATTERN = /^[A-Za-z0-9]{4,32}$/;
