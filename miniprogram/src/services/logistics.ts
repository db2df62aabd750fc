import type { Tracking } from '../contracts/logistics';
import { api } from './request';

export const getTracking = (orderId: number) => api.get<Tracking>(`/orders/${orderId}/logistics`);
