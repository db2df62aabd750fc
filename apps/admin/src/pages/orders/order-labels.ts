import type { OrderStatus } from '@sutwxapp/contracts';

/** The tag colour of each order state in the console. */
export const STATUS_THEME: Record<OrderStatus, 'default' | 'primary' | 'success' | 'warning' | 'danger'> = {
  PENDING_PAYMENT: 'default',
  PAID: 'warning',
  SHIPPED: 'primary',
  COMPLETED: 'success',
  CANCELLED: 'default',
  REFUNDING: 'danger',
  REFUNDED: 'default',
};
