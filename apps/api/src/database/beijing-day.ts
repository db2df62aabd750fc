import type { DataSource } from 'typeorm';

/**
 * `yyyy-MM-dd` of a datetime column in Beijing time (UTC+8, no daylight saving), as SQL: the one
 * dialect-specific expression the daily reports group by. Columns hold UTC on both engines.
 */
export function beijingDaySql(dataSource: DataSource, column: string): string {
  return dataSource.options.type === 'better-sqlite3'
    ? `strftime('%Y-%m-%d', ${column}, '+8 hours')`
    : `DATE_FORMAT(DATE_ADD(${column}, INTERVAL 8 HOUR), '%Y-%m-%d')`;
}
