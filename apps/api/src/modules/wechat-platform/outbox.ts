import { Logger } from '@nestjs/common';
import { In, LessThan, LessThanOrEqual, type Repository } from 'typeorm';
import type { WechatPlatformConfig } from '../../config/app-config';
import { everyInterval, runAsJob } from '../../observability/request-context';
import type { OutboxRow } from './entities/outbox-row';

/** How often the worker polls, how often a row is tried before it is given up, the first backoff. */
export type OutboxSettings = Pick<WechatPlatformConfig, 'workerIntervalMs' | 'maxAttempts' | 'retryBaseMs'>;

const LEASE_MS = 60_000;
const BATCH = 20;

/** 1×, 2×, 4× … the base delay, at most an hour. */
export function backoffMs(attempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/**
 * Polls one outbox table. A row is taken by a conditional UPDATE (due PENDING, or a claim whose
 * lease ran out because its replica died), so any number of replicas can run this and each row
 * is worked by one of them at a time; everything lives in the table, so a restart loses nothing.
 */
export class OutboxWorker<T extends OutboxRow> {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = false;
  /** the correlation id's prefix of its passes: `outbox:shipping-upload` */
  private readonly job: string;

  constructor(
    private readonly name: string,
    private readonly repo: Repository<T>,
    private readonly working: string,
    private readonly work: (row: T) => Promise<void>,
    private readonly logger: Logger,
    private readonly settings: OutboxSettings,
  ) {
    this.job = `outbox:${name.replace(/\s+/g, '-')}`;
  }

  start(): void {
    this.timer = everyInterval(this.job, this.settings.workerIntervalMs, () => this.runOnce().catch(() => undefined));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass over due rows; answers how many it worked. */
  async runOnce(): Promise<number> {
    if (this.running) return this.running;
    // a pass kicked by a request (a parcel just shipped) works every due row: a run of its own
    this.running = runAsJob(this.job, () => this.pass()).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(): Promise<number> {
    const now = new Date();
    const due = await this.repo.find({
      where: [
        { status: 'PENDING', nextAttemptAt: LessThanOrEqual(now) },
        { status: this.working, claimedUntil: LessThan(now) },
      ] as never,
      order: { nextAttemptAt: 'ASC' } as never,
      take: BATCH,
      select: { id: true } as never,
    });
    let worked = 0;
    for (const { id } of due) {
      if (this.stopped) break;
      const row = await this.claim(id, now);
      if (!row) continue;
      worked++;
      try {
        await this.work(row);
      } catch (err) {
        this.logger.warn(`${this.name} ${id} failed unexpectedly: ${(err as Error).message}`);
      }
    }
    return worked;
  }

  private async claim(id: number, now: Date): Promise<T | null> {
    const patch = {
      status: this.working,
      claimedUntil: new Date(now.getTime() + LEASE_MS),
      attempts: () => 'attempts + 1',
    } as never;
    let res = await this.repo.update({ id, status: 'PENDING', nextAttemptAt: LessThanOrEqual(now) } as never, patch);
    if (res.affected !== 1) {
      res = await this.repo.update({ id, status: this.working, claimedUntil: LessThan(now) } as never, patch);
    }
    if (res.affected !== 1) return null;
    return this.repo.findOneBy({ id } as never);
  }

  /** Records the outcome of a claimed row (only while we still hold it). */
  async finish(row: T, patch: Partial<T>): Promise<void> {
    await this.repo.update(
      { id: row.id, status: In([this.working]) } as never,
      { ...patch, claimedUntil: null } as never,
    );
  }

  /**
   * Records a failed try of a claimed row: due again after a backoff while the failure is
   * `transient` and attempts remain, else given up as `finalStatus`. Answers whether it will retry.
   */
  async fail(row: T, err: unknown, transient: boolean, finalStatus: T['status'] = 'FAILED'): Promise<boolean> {
    const retry = transient && row.attempts < this.settings.maxAttempts;
    await this.finish(row, {
      status: retry ? 'PENDING' : finalStatus,
      lastError: (err as Error).message.slice(0, 500),
      nextAttemptAt: new Date(Date.now() + backoffMs(row.attempts, this.settings.retryBaseMs)),
    } as Partial<T>);
    return retry;
  }
}
