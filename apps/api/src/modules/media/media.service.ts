import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type AdminMedia,
  type AdminMediaPage,
  type Media,
  type MediaReference,
  type MediaStatus,
} from '@sutwxapp/contracts';
import { type EntityManager, In, LessThan, MoreThan, Not, Repository } from 'typeorm';
import { DomainEvents } from '../../common/domain-events';
import { Errors } from '../../common/errors/app-error';
import { formatMediaRef, parseMediaRef } from '../../common/media-ref';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { TransactionService } from '../../database/transaction.service';
import type { AdminMediaQueryDto } from './dto/media.dto';
import { MediaEntity } from './entities/media.entity';
import { variantKey } from './image-pipeline';
import { toAdminMedia, toMedia } from './media.mapper';
import { MediaReferences } from './media-references';
import { MEDIA_STORAGE, type MediaStorage } from './storage/media-storage';

export const ownerKeyOf = (owner: MediaOwner): string => (owner.type === 'admin' ? 'admin' : `user:${owner.id}`);
export interface MediaOwner {
  type: 'admin' | 'user';
  id: number;
}

/** Reads, references from other features, deletion and verdicts. Uploads: MediaUploadService. */
@Injectable()
export class MediaService {
  private readonly logger = new Logger(MediaService.name);

  constructor(
    @InjectRepository(MediaEntity) private readonly media: Repository<MediaEntity>,
    private readonly tx: TransactionService,
    private readonly references: MediaReferences,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: DomainEvents,
  ) {}

  /** A shopper sees their own uploads in any state and anyone's once they passed the check. */
  async getVisible(id: number, viewer: MediaOwner): Promise<Media> {
    const m = await this.media.findOne({
      where: [
        { id, ownerKey: ownerKeyOf(viewer) },
        { id, status: 'READY' },
      ],
    });
    if (!m) throw Errors.MEDIA_NOT_FOUND(`Image ${id} not found`);
    return toMedia(m, this.config.media);
  }

  async adminList(query: AdminMediaQueryDto): Promise<AdminMediaPage> {
    const [rows, total] = await this.media.findAndCount({
      where: {
        ...(query.status ? { status: query.status } : {}),
        ...(query.kind ? { kind: query.kind } : {}),
        ...(query.ownerType ? { ownerType: query.ownerType } : {}),
      },
      order: { id: 'DESC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return {
      items: rows.map((m) => toAdminMedia(m, this.config.media)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async adminGet(id: number): Promise<AdminMedia & { references: MediaReference[] }> {
    const m = await this.media.findOneBy({ id });
    if (!m) throw Errors.MEDIA_NOT_FOUND(`Image ${id} not found`);
    const references = await this.references.find(this.media.manager, [id]);
    return { ...toAdminMedia(m, this.config.media), references: references.map(stripMediaId) };
  }

  /**
   * Deletes an image nobody uses. The row is deleted first, then references are looked for in
   * the same transaction: on MySQL the delete holds the row lock, so a product write claiming
   * this image (claimForCatalog, which updates the row) either committed before, and is found
   * here, or waits and then finds the image gone.
   */
  async remove(id: number): Promise<void> {
    const removed = await this.tx.run(async (em) => {
      const m = await em.findOneBy(MediaEntity, { id });
      if (!m) throw Errors.MEDIA_NOT_FOUND(`Image ${id} not found`);
      await em.delete(MediaEntity, { id });
      const refs = await this.references.find(em, [id]);
      if (refs.length > 0) {
        const list = refs.map((r) => `${r.type} ${r.id} (${r.label})`).join(', ');
        throw Errors.MEDIA_IN_USE(`Image ${id} is in use by ${list}; remove it there first`, {
          details: { references: refs.map(stripMediaId) },
        });
      }
      return m;
    });
    await this.deleteObjectsIfUnused(removed);
  }

  /**
   * Turns what an operator typed into what a catalog row stores, inside the catalog's
   * transaction: `media:<id>` (or a URL of ours for an image) becomes `media:<id>/<hash>` after
   * checking the image exists, belongs to the shop's library and is READY. The row is touched
   * (updated_at) so a concurrent delete of it waits for this transaction; see remove().
   * Anything else (a hand-typed URL or asset path) is returned as it is.
   */
  async claimForCatalog(em: EntityManager, values: string[]): Promise<string[]> {
    const wanted = values.map((v) => this.mediaIdIn(v));
    const ids = [...new Set(wanted.filter((v): v is number | string => v !== null))];
    if (ids.length === 0) return values;
    const byHash = ids.filter((v): v is string => typeof v === 'string');
    const rows = await em.find(MediaEntity, {
      where: [
        ...(ids.some((v) => typeof v === 'number') ? [{ id: In(ids.filter((v) => typeof v === 'number')) }] : []),
        ...(byHash.length ? [{ hash: In(byHash), ownerKey: 'admin' }] : []),
      ],
    });
    const usable = rows.filter((r) => r.ownerKey === 'admin' && r.status === 'READY');
    const resolve = (v: number | string) => usable.find((r) => (typeof v === 'number' ? r.id === v : r.hash === v));
    const missing = ids.filter((v) => !resolve(v));
    if (missing.length > 0) {
      const message = `Image ${missing.join(', ')} cannot be used: upload it through /admin/media first (shoppers' images and deleted ones cannot be put on the catalog)`;
      throw Errors.MEDIA_NOT_USABLE(message);
    }
    const claimed = [...new Set(usable.map((r) => r.id))];
    const touched = await em
      .createQueryBuilder()
      .update(MediaEntity)
      .set({ updatedAt: new Date() })
      .where({ id: In(claimed), status: 'READY' })
      .execute();
    if (touched.affected !== claimed.length) {
      throw Errors.MEDIA_NOT_USABLE('An image was deleted while saving; choose another one');
    }
    return values.map((v, i) => {
      const want = wanted[i];
      const row = want === null ? undefined : resolve(want);
      return row ? formatMediaRef(row) : v;
    });
  }

  /**
   * A shopper's avatar, inside the profile's transaction: `media:<id>` (or its full ref, or one of
   * our URLs of it) must be the shopper's own avatar upload, not rejected; it may still be
   * PENDING (its owner sees it, nobody else is shown it before the check passes). The row is
   * touched like claimForCatalog does, so a concurrent delete waits and then finds the user.
   * Anything else (a WeChat avatar URL) is returned as it is.
   */
  async claimAvatar(em: EntityManager, userId: number, value: string): Promise<string> {
    const want = this.mediaIdIn(value);
    if (want === null) return value;
    const ownerKey = ownerKeyOf({ type: 'user', id: userId });
    const row = await em.findOneBy(
      MediaEntity,
      typeof want === 'number' ? { id: want, ownerKey } : { hash: want, ownerKey, kind: 'avatar' },
    );
    const usable: MediaStatus[] = ['PENDING', 'REVIEW', 'READY'];
    if (!row || row.kind !== 'avatar' || !usable.includes(row.status)) {
      throw Errors.MEDIA_NOT_USABLE(
        `Image ${want} cannot be your avatar: upload it with POST /media?kind=avatar first (only your own avatar uploads can be used)`,
        { errors: [{ field: 'avatarUrl', message: 'not one of your avatar uploads' }] },
      );
    }
    const touched = await em
      .createQueryBuilder()
      .update(MediaEntity)
      .set({ updatedAt: new Date() })
      .where({ id: row.id, status: In(usable) })
      .execute();
    if (!touched.affected) {
      throw Errors.MEDIA_NOT_USABLE('The image was removed while saving; upload it again');
    }
    return formatMediaRef(row);
  }

  /**
   * Photos a shopper attaches to their own record (after-sale requests): each must be one of the
   * shopper's own `review` uploads, not rejected. Answers the stored refs, in order.
   */
  async claimShopperPhotos(em: EntityManager, userId: number, values: string[], field: string): Promise<string[]> {
    const ownerKey = ownerKeyOf({ type: 'user', id: userId });
    const usable: MediaStatus[] = ['PENDING', 'REVIEW', 'READY'];
    const refs: string[] = [];
    for (const [i, value] of values.entries()) {
      const want = this.mediaIdIn(value);
      const row =
        want === null
          ? null
          : await em.findOneBy(
              MediaEntity,
              typeof want === 'number' ? { id: want, ownerKey } : { hash: want, ownerKey },
            );
      if (!row || row.kind !== 'review' || !usable.includes(row.status)) {
        throw Errors.MEDIA_NOT_USABLE(
          `Photo ${i + 1} is not one of your uploads: upload it with POST /media?kind=review first`,
          { errors: [{ field: `${field}.${i}`, message: 'not one of your photo uploads' }] },
        );
      }
      refs.push(formatMediaRef(row));
    }
    return refs;
  }

  /**
   * A shopper's review photos, inside the review's transaction: each `media:<id>` (or full ref, or
   * one of our URLs of it) must be one of the shopper's own review uploads, not rejected; it may
   * still be PENDING (the review waits for the check). Touched like claimAvatar. Answers the refs
   * with their current status, in the order given, without duplicates.
   */
  async claimReviewImages(
    em: EntityManager,
    userId: number,
    values: string[],
  ): Promise<Array<{ ref: string; id: number; status: MediaStatus }>> {
    const wanted = values.map((v) => this.mediaIdIn(v));
    const ownerKey = ownerKeyOf({ type: 'user', id: userId });
    const ids = wanted.filter((v): v is number => typeof v === 'number');
    const hashes = wanted.filter((v): v is string => typeof v === 'string');
    const rows =
      ids.length + hashes.length === 0
        ? []
        : await em.find(MediaEntity, {
            where: [
              ...(ids.length ? [{ id: In(ids), ownerKey, kind: 'review' as const }] : []),
              ...(hashes.length ? [{ hash: In(hashes), ownerKey, kind: 'review' as const }] : []),
            ],
          });
    const usable: MediaStatus[] = ['PENDING', 'REVIEW', 'READY'];
    const picked: MediaEntity[] = [];
    for (const [i, want] of wanted.entries()) {
      const row = rows.find(
        (r) => usable.includes(r.status) && (typeof want === 'number' ? r.id === want : r.hash === want),
      );
      if (!row) {
        throw Errors.MEDIA_NOT_USABLE(
          `Image ${values[i]} cannot be used in a review: upload it with POST /media?kind=review first (only your own review uploads can be used)`,
          { errors: [{ field: `images.${i}`, message: 'not one of your review uploads' }] },
        );
      }
      if (!picked.some((p) => p.id === row.id)) picked.push(row);
    }
    if (picked.length === 0) return [];
    const touched = await em
      .createQueryBuilder()
      .update(MediaEntity)
      .set({ updatedAt: new Date() })
      .where({ id: In(picked.map((r) => r.id)), status: In(usable) })
      .execute();
    if (touched.affected !== picked.length) {
      throw Errors.MEDIA_NOT_USABLE('An image was removed while saving; upload it again');
    }
    return picked.map((r) => ({ ref: formatMediaRef(r), id: r.id, status: r.status }));
  }

  /** Status of media ids (absent: deleted), for features that render stored refs. */
  async statusOf(ids: number[]): Promise<Map<number, MediaStatus>> {
    if (ids.length === 0) return new Map();
    const rows = await this.media.find({ select: { id: true, status: true }, where: { id: In(ids) } });
    return new Map(rows.map((r) => [r.id, r.status]));
  }

  /**
   * A verdict whose trace id is not on any row yet: WeChat answered before submitCheck() saved
   * the id. Held briefly in memory and applied once the id is saved (same replica only).
   */
  private readonly earlyVerdicts = new Map<string, { verdict: Verdict; at: number }>();

  async onVerdict(traceId: string, verdict: Verdict): Promise<void> {
    if (await this.applyVerdict(traceId, verdict)) return;
    const now = Date.now();
    for (const [id, v] of this.earlyVerdicts) if (now - v.at > 10 * 60_000) this.earlyVerdicts.delete(id);
    this.earlyVerdicts.set(traceId, { verdict, at: now });
  }

  verdictMayBeWaiting(traceId: string): void {
    const early = this.earlyVerdicts.get(traceId);
    if (!early) return;
    this.earlyVerdicts.delete(traceId);
    void this.applyVerdict(traceId, early.verdict).catch((err: Error) => this.logger.warn(err.message));
  }

  /** WeChat's verdict for a shopper image: pass shows it, review holds it, risky removes its files. */
  async applyVerdict(traceId: string, verdict: Verdict): Promise<boolean> {
    const status = verdict === 'pass' ? 'READY' : verdict === 'review' ? 'REVIEW' : 'REJECTED';
    const result = await this.media
      .createQueryBuilder()
      .update(MediaEntity)
      .set({ status, checkedAt: new Date() })
      .where({ checkTraceId: traceId, status: In(['PENDING', 'REVIEW']) })
      .execute();
    if (!result.affected) return false;
    const rows = await this.media.findBy({ checkTraceId: traceId });
    if (status === 'REJECTED') {
      for (const row of rows) await this.deleteObjectsIfUnused(row);
    }
    this.events.publish('media_checked', { mediaIds: rows.map((r) => r.id), status });
    this.logger.log(`content check ${traceId}: ${verdict}`);
    return true;
  }

  /** Deletes an unreferenced image older than `before`; false when it is used (or gone). */
  async sweepOne(id: number, before: Date): Promise<boolean> {
    try {
      const removed = await this.tx.run(async (em) => {
        const m = await em.findOneBy(MediaEntity, { id, createdAt: LessThan(before) });
        if (!m) return null;
        await em.delete(MediaEntity, { id });
        // same order as remove(): lock by deleting, then look; a reference rolls the delete back
        if ((await this.references.find(em, [id])).length > 0) throw new StillReferenced();
        return m;
      });
      if (!removed) return false;
      await this.deleteObjectsIfUnused(removed);
      return true;
    } catch (err) {
      if (err instanceof StillReferenced) return false;
      throw err;
    }
  }

  /**
   * One page of the orphan sweep: rows older than `before` after `afterId`, and which of them
   * nothing references. `lastId` is where the next page starts (null: no more rows), so images in
   * use (the oldest ones, usually) never hide newer orphans behind them.
   */
  async orphanCandidates(
    before: Date,
    afterId: number,
    limit: number,
  ): Promise<{ orphans: number[]; lastId: number | null }> {
    const rows = await this.media.find({
      select: { id: true },
      where: { createdAt: LessThan(before), id: MoreThan(afterId) },
      order: { id: 'ASC' },
      take: limit,
    });
    const ids = rows.map((r) => r.id);
    const used = new Set((await this.references.find(this.media.manager, ids)).map((r) => r.mediaId));
    return { orphans: ids.filter((id) => !used.has(id)), lastId: ids.length === limit ? ids[ids.length - 1] : null };
  }

  /** Files are shared by every row with the same hash (content addressing): the last one out removes them. */
  async deleteObjectsIfUnused(row: MediaEntity): Promise<void> {
    const others = await this.media.countBy({ hash: row.hash, status: Not('REJECTED') });
    if (others > 0) return;
    await this.storage.delete(row.variants.map((v) => variantKey(row.hash, v)));
  }

  /** A media id from `media:<id>`/`media:<id>/<hash>`, a hash from one of our media URLs, else null. */
  private mediaIdIn(value: string): number | string | null {
    const short = /^media:(\d{1,12})$/.exec(value);
    if (short) return Number(short[1]);
    const ref = parseMediaRef(value);
    if (ref) return ref.id;
    const base = `${this.config.media.publicBaseUrl}/`;
    if (value.startsWith(base)) {
      const m = /^([0-9a-f]{16,64})\/\d+\.(jpg|webp)$/.exec(value.slice(base.length));
      if (m) return m[1];
    }
    return null;
  }
}

class StillReferenced extends Error {}

type Verdict = 'pass' | 'review' | 'risky';

const stripMediaId = ({ type, id, label }: MediaReference): MediaReference => ({ type, id, label });
