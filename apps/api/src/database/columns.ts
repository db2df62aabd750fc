import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

// The columns most tables repeat, each with the exact options the migrations created them with.
// A change here is a schema change for every table that uses it: it needs a migration.

/** The auto-increment `id` primary key. */
export const IdColumn = (): PropertyDecorator => PrimaryGeneratedColumn();

/** `created_at`, set by the database on insert. */
export const CreatedAtColumn = (): PropertyDecorator =>
  CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 });

/** `updated_at`, moved by TypeORM on every save. */
export const UpdatedAtColumn = (): PropertyDecorator =>
  UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 });

interface ColumnExtras {
  nullable?: true;
  default?: number;
}

/** An integer column (an id of another row, a count, an amount in fen); `name` when it differs from the property. */
export function IntColumn(name?: string, extras: ColumnExtras = {}): PropertyDecorator {
  return Column({ ...(name === undefined ? {} : { name }), type: 'integer', ...extras });
}

/** A datetime(3) column other than created_at/updated_at. */
export function DateTimeColumn(name: string, extras: Omit<ColumnExtras, 'default'> = {}): PropertyDecorator {
  return Column({ name, type: 'datetime', precision: 3, ...extras });
}
