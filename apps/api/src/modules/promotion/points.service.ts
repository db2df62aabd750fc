import { Inject, Injectable } from '@nestjs/common';
import { type CheckinResult, type CheckinStatus, type PointsReason, type PointsSummary } from '@sutwxapp/contracts';
import { type EntityManager, LessThanOrEqual } from 'typeorm';
import { Errors } from '../../common/errors/app-error';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { isUniqueViolation } from '../../database/db-errors';
import { insertRow } from '../../database/insert-row';
import { TransactionService } from '../../database/transaction.service';
import { beijingDay, checkinReward, previousDay } from './checkout-math';
import { CheckinEntity, PointsAccountEntity, PointsLedgerEntity } from './entities/points.entity';

const DAY_MS = 86_400_000;

/**
 * The points ledger. Rows are only ever appended; points_accounts.balance is their running sum,
 * moved in the same transaction as each row by one statement: a debit is
 * `UPDATE … SET balance = balance - n WHERE user_id = ? AND balance >= n`, so two devices
 * spending at once can never take the balance below zero (the second finds too little). Every
 * movement carries a dedupe key (unique), so a retried hook never moves points twice.
 */
@Injectable()
export class PointsService {
  constructor(
    private readonly tx: TransactionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async balance(userId: number, em: EntityManager = this.tx.manager): Promise<number> {
    return (await em.findOneBy(PointsAccountEntity, { userId }))?.balance ?? 0;
  }

  async summary(userId: number): Promise<PointsSummary> {
    const entries = await this.tx.manager.find(PointsLedgerEntity, {
      where: { userId },
      order: { id: 'DESC' },
      take: 50,
    });
    return {
      balance: await this.balance(userId),
      fenPerPoint: this.config.promotion.pointsFenPerPoint,
      maxSharePercent: this.config.promotion.pointsMaxSharePercent,
      entries: entries.map((e) => ({
        id: e.id,
        delta: e.delta,
        reason: e.reason,
        orderId: e.orderId,
        expiresAt: e.expiresAt?.toISOString() ?? null,
        createdAt: e.createdAt.toISOString(),
      })),
    };
  }

  /** Adds points (check-in, earn, return). Answers false if this dedupe key already moved points. */
  async credit(
    em: EntityManager,
    userId: number,
    points: number,
    reason: PointsReason,
    dedupeKey: string,
    opts: { orderId?: number | null; expires?: boolean } = {},
  ): Promise<boolean> {
    if (points <= 0) return false;
    if (await em.findOneBy(PointsLedgerEntity, { dedupeKey })) return false;
    await this.ensureAccount(em, userId);
    await em
      .createQueryBuilder()
      .update(PointsAccountEntity)
      .set({ balance: () => `balance + ${Math.floor(points)}` })
      .where({ userId })
      .execute();
    const expiresAt = opts.expires ? new Date(Date.now() + this.config.promotion.pointsExpireDays * DAY_MS) : null;
    await insertRow(em, PointsLedgerEntity, {
      userId,
      delta: points,
      reason,
      orderId: opts.orderId ?? null,
      dedupeKey,
      expiresAt,
    });
    return true;
  }

  /**
   * Takes points (spend). Refused with POINTS_INSUFFICIENT when the balance is short; `partial`
   * (claw-back, expiry) takes what is there instead, never below zero. Answers points taken.
   */
  async debit(
    em: EntityManager,
    userId: number,
    points: number,
    reason: PointsReason,
    dedupeKey: string,
    opts: { orderId?: number | null; partial?: boolean } = {},
  ): Promise<number> {
    if (points <= 0) return 0;
    if (await em.findOneBy(PointsLedgerEntity, { dedupeKey })) return 0;
    let take = points;
    for (;;) {
      const res = await em
        .createQueryBuilder()
        .update(PointsAccountEntity)
        .set({ balance: () => `balance - ${Math.floor(take)}` })
        .where('user_id = :userId AND balance >= :take', { userId, take })
        .execute();
      if (res.affected === 1) break;
      if (!opts.partial) {
        throw Errors.POINTS_INSUFFICIENT(
          `You have ${await this.balance(userId, em)} points, fewer than the ${points} asked for`,
        );
      }
      // claw-back takes what is left; the balance may have moved since, so try again with it
      take = Math.min(points, await this.balance(userId, em));
      if (take <= 0) return 0;
    }
    await insertRow(em, PointsLedgerEntity, {
      userId,
      delta: -take,
      reason,
      orderId: opts.orderId ?? null,
      dedupeKey,
      expiresAt: null,
    });
    return take;
  }

  /** Σ of one order's ledger rows of some reasons (as positive numbers for debits). */
  async orderTotal(em: EntityManager, orderId: number, reasons: PointsReason[]): Promise<number> {
    const rows = await em.find(PointsLedgerEntity, { where: { orderId }, select: { delta: true, reason: true } });
    return rows.filter((r) => reasons.includes(r.reason)).reduce((s, r) => s + Math.abs(r.delta), 0);
  }

  async checkinStatus(userId: number): Promise<CheckinStatus> {
    const today = beijingDay(new Date());
    const last = await this.tx.manager.findOne(CheckinEntity, { where: { userId }, order: { day: 'DESC' } });
    const rewards = this.config.promotion.checkinRewards;
    const checkedInToday = last?.day === today;
    const streak = last && (checkedInToday || last.day === previousDay(today)) ? last.streak : 0;
    return {
      checkedInToday,
      streak,
      rewards,
      nextReward: checkedInToday ? 0 : checkinReward(rewards, streak + 1),
      balance: await this.balance(userId),
    };
  }

  /** Today's check-in: the (user, day) unique key lets exactly one of two parallel taps through. */
  async checkin(userId: number): Promise<CheckinResult> {
    const today = beijingDay(new Date());
    try {
      return await this.tx.run(async (em) => {
        const yesterday = await em.findOneBy(CheckinEntity, { userId, day: previousDay(today) });
        const streak = (yesterday?.streak ?? 0) + 1;
        const points = checkinReward(this.config.promotion.checkinRewards, streak);
        await insertRow(em, CheckinEntity, { userId, day: today, streak, points });
        await this.credit(em, userId, points, 'CHECKIN', `checkin:${userId}:${today}`, { expires: true });
        return { streak, points, balance: await this.balance(userId, em) };
      });
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw Errors.ALREADY_CHECKED_IN();
      }
      throw err;
    }
  }

  /**
   * Expiry, first in first out: debits (spend, claw-back, earlier expiry) use the oldest points
   * first, so what expires now is what the expired credits brought minus everything taken since,
   * net of returns, and never more than the balance. Durable: a pass can be repeated at any time.
   */
  async expireDue(now = new Date()): Promise<number> {
    const due = await this.tx.manager.find(PointsLedgerEntity, {
      where: { expiresAt: LessThanOrEqual(now) },
      select: { userId: true },
      take: 500,
    });
    let expired = 0;
    for (const userId of new Set(due.map((d) => d.userId))) {
      expired += await this.tx.run(async (em) => {
        const rows = await em.find(PointsLedgerEntity, { where: { userId } });
        const expiredCredits = rows
          .filter((r) => r.delta > 0 && r.expiresAt && r.expiresAt <= now)
          .reduce((s, r) => s + r.delta, 0);
        const taken = rows.filter((r) => r.delta < 0).reduce((s, r) => s - r.delta, 0);
        const returned = rows.filter((r) => r.reason === 'RETURN').reduce((s, r) => s + r.delta, 0);
        const toExpire = expiredCredits - Math.max(0, taken - returned);
        if (toExpire <= 0) return 0;
        return this.debit(em, userId, toExpire, 'EXPIRE', `expire:${userId}:${now.getTime()}`, { partial: true });
      });
    }
    return expired;
  }

  private async ensureAccount(em: EntityManager, userId: number): Promise<void> {
    // INSERT OR IGNORE / INSERT IGNORE: the first movement of a shopper creates the account once
    await em
      .createQueryBuilder()
      .insert()
      .into(PointsAccountEntity)
      .values({ userId, balance: 0 })
      .orIgnore()
      .execute();
  }
}
