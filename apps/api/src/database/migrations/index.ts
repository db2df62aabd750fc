import { Users1764100000000 } from './1764100000000-users';

/** Every migration, in order. A new one is appended here (no glob loading: works after bundling). */
export const MIGRATIONS = [Users1764100000000];
