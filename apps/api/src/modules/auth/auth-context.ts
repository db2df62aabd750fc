import type { OperatorRole, Role } from '@sutwxapp/contracts';

/** The verified caller, set on the request by AuthGuard. */
export interface AuthContext {
  /** users.id for shoppers, admin_users.id for operators */
  id: number;
  role: Role;
  /** operators only: what the permission table lets them do */
  operatorRole?: OperatorRole;
}
