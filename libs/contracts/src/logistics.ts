import type { IsoDateTime } from './common';

export interface Carrier {
  code: string;
  name: string;
  phoneRequired: boolean;
}

export interface TrackingEvent {
  time: IsoDateTime;
  context: string;
  location: string | null;
}

export interface Tracking {
  carrier: Carrier;
  trackingNo: string;
  /** Kuaidi100 state code: 0 在途, 1 揽收, 3 签收, 5 派件 … */
  state: number;
  stateText: string;
  signed: boolean;
  /** newest first */
  events: TrackingEvent[];
  /** e.g. "暂无物流信息，请稍后再查" when the carrier has no scan yet */
  message: string | null;
  updatedAt: IsoDateTime;
}
