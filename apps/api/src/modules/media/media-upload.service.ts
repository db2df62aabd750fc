import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type Media, type MediaKind } from '@sutwxapp/contracts';
import type { FastifyRequest } from 'fastify';
import { MoreThan, Not, Repository } from 'typeorm';
import { CONTENT_SECURITY, type ContentScene, type ContentSecurityPort } from '../../common/content-security.port';
import { Errors } from '../../common/errors/app-error';
import { mediaUrl } from '../../common/media-ref';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { TransactionService } from '../../database/transaction.service';
import { isUniqueViolation } from '../../database/db-errors';
import { AuthService } from '../auth/auth.service';
import { MediaEntity } from './entities/media.entity';
import {
  ImageTooLargeError,
  ImageUnreadableError,
  processImage,
  type SourceFormat,
  sniffFormat,
  variantKey,
} from './image-pipeline';
import { toMedia } from './media.mapper';
import { type MediaOwner, MediaService, ownerKeyOf } from './media.service';
import { type ReceivedFile, receiveFiles } from './multipart-files';
import { Semaphore } from './semaphore';
import { type PreparedImage, storeVariants } from './ingest';
import { MEDIA_STORAGE, type MediaStorage } from './storage/media-storage';

const DAY_MS = 24 * 3600_000;
const ACCEPTED = 'JPEG, PNG, WebP or GIF';

/** An image ready to be recorded: processed now, or found already stored under its hash. */
type Prepared = PreparedImage;

/**
 * Upload → files on disk → format from the bytes → decode-bounded processing → objects in
 * storage → one transaction recording the rows → (shoppers) WeChat's content check after commit.
 */
@Injectable()
export class MediaUploadService {
  private readonly logger = new Logger(MediaUploadService.name);
  private readonly processing: Semaphore;
  private warnedNoChecker = false;

  constructor(
    @InjectRepository(MediaEntity) private readonly media: Repository<MediaEntity>,
    private readonly tx: TransactionService,
    private readonly mediaService: MediaService,
    private readonly auth: AuthService,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    // provided by the WeChat platform module; without it shopper images stay visible to their owner only
    @Optional() @Inject(CONTENT_SECURITY) private readonly contentSecurity: ContentSecurityPort | null = null,
  ) {
    this.processing = new Semaphore(config.media.processConcurrency);
  }

  async upload(request: FastifyRequest, owner: MediaOwner, kind: MediaKind): Promise<Media[]> {
    if (owner.type === 'user') await this.assertQuota(owner, 1);
    const { files, cleanup } = await receiveFiles(request, this.config.media);
    try {
      if (files.length === 0) {
        throw Errors.MEDIA_NO_FILE();
      }
      if (owner.type === 'user') await this.assertQuota(owner, files.length);
      const formats = files.map((f) => this.acceptedFormat(f));
      const prepared: Prepared[] = [];
      for (const [i, file] of files.entries()) prepared.push(await this.prepare(file, formats[i]));
      const { rows, created } = await this.record(prepared, owner, kind);
      for (const row of created) if (row.status === 'PENDING') void this.submitCheck(row);
      return rows.map((r) => toMedia(r, this.config.media));
    } finally {
      await cleanup();
    }
  }

  /** Per shopper, per rolling 24 hours; uploads of an image they already have are not new. */
  private async assertQuota(owner: MediaOwner, adding: number): Promise<void> {
    const used = await this.media.countBy({
      ownerKey: ownerKeyOf(owner),
      createdAt: MoreThan(new Date(Date.now() - DAY_MS)),
    });
    const quota = this.config.media.userDailyQuota;
    if (used + adding > quota) {
      throw Errors.MEDIA_QUOTA_EXCEEDED(
        `You can upload ${quota} images a day and have used ${used}; try again tomorrow`,
      );
    }
  }

  private acceptedFormat(file: ReceivedFile): SourceFormat {
    const sniffed = sniffFormat(file.head);
    if (sniffed && 'format' in sniffed) return sniffed.format;
    const name = file.filename ? `"${file.filename}"` : 'The file';
    if (sniffed?.refused === 'HEIC') {
      throw Errors.MEDIA_TYPE_NOT_ALLOWED(
        `${name} is a HEIC photo, which the server cannot read; send it as JPEG (wx.chooseMedia converts it, or set the iPhone camera to "Most Compatible")`,
      );
    }
    const what = sniffed ? sniffed.refused : 'not an image the server recognises';
    throw Errors.MEDIA_TYPE_NOT_ALLOWED(
      `${name} is ${sniffed ? `${what}, which is not accepted` : what}; send ${ACCEPTED} (the file's contents decide, not its name)`,
    );
  }

  private async prepare(file: ReceivedFile, sourceFormat: SourceFormat): Promise<Prepared> {
    const known = await this.media.findOne({ where: { hash: file.hash, status: Not('REJECTED') } });
    // the same picture is already stored (by anyone): reuse its files instead of processing again
    if (known && (await this.storage.exists(variantKey(known.hash, known.variants[0])))) {
      const { width, height, variants } = known;
      return { hash: file.hash, sourceFormat, width, height, bytes: file.bytes, variants };
    }
    const processed = await this.processing.run(async () => {
      try {
        return await processImage(file.path, this.config.media.maxPixels);
      } catch (err) {
        throw this.processingError(err, file);
      }
    });
    await storeVariants(this.storage, file.hash, processed.variants);
    return {
      hash: file.hash,
      sourceFormat,
      width: processed.width,
      height: processed.height,
      bytes: file.bytes,
      variants: processed.variants.map(({ body: _body, ...v }) => v),
    };
  }

  private processingError(err: unknown, file: ReceivedFile): unknown {
    const name = file.filename ? `"${file.filename}"` : 'The image';
    if (err instanceof ImageTooLargeError) {
      const max = this.config.media.maxPixels;
      return Errors.MEDIA_TOO_MANY_PIXELS(
        `${name} is ${err.width}×${err.height} pixels; at most ${Math.round(max / 1e6)} megapixels are accepted, scale it down first`,
      );
    }
    if (err instanceof ImageUnreadableError) {
      return Errors.MEDIA_UNREADABLE(
        `${name} could not be read as an image (truncated or corrupt?); send the file again`,
      );
    }
    return err;
  }

  /** One transaction for the whole request; an image this owner already has is returned as is. */
  private async record(
    prepared: Prepared[],
    owner: MediaOwner,
    kind: MediaKind,
  ): Promise<{ rows: MediaEntity[]; created: MediaEntity[] }> {
    const ownerKey = ownerKeyOf(owner);
    const insert = () =>
      this.tx.run(async (em) => {
        const rows: MediaEntity[] = [];
        const created: MediaEntity[] = [];
        for (const p of prepared) {
          const existing = await em.findOneBy(MediaEntity, { ownerKey, hash: p.hash });
          if (existing) {
            rows.push(existing);
            continue;
          }
          const row = await em.save(
            em.create(MediaEntity, {
              ...p,
              ownerKey,
              ownerType: owner.type,
              ownerId: owner.id,
              kind,
              // operators' images need no check; shoppers' wait for WeChat's verdict
              status: owner.type === 'admin' ? 'READY' : 'PENDING',
              checkTraceId: null,
              checkedAt: null,
            }),
          );
          rows.push(row);
          created.push(row);
        }
        return { rows, created };
      });
    try {
      return await insert();
    } catch (err) {
      // the same owner sent the same picture twice at once: the second finds the first's row
      if (isUniqueViolation(err)) return insert();
      throw err;
    }
  }

  /** After commit; a failure leaves the image PENDING and the sweeper submits it again. */
  async submitCheck(row: MediaEntity): Promise<void> {
    if (!this.contentSecurity) {
      if (!this.warnedNoChecker) {
        this.logger.warn('no content-security provider: shopper images stay visible to their owners only');
        this.warnedNoChecker = true;
      }
      return;
    }
    try {
      const openid = await this.auth.openidOf(row.ownerId);
      const scene: ContentScene = row.kind === 'avatar' ? 1 : 2;
      const url = mediaUrl(this.config.media.publicBaseUrl, row.hash, 750);
      const { traceId } = await this.contentSecurity.submitImage({ openid, scene, url });
      await this.media.update({ id: row.id, status: 'PENDING' }, { checkTraceId: traceId });
      this.mediaService.verdictMayBeWaiting(traceId);
    } catch (err) {
      this.logger.warn(`content check of image ${row.id} not submitted: ${(err as Error).message}`);
    }
  }
}
