import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { And, IsNull, LessThan, MoreThan, Repository } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { MediaEntity } from './entities/media.entity';
import { MediaService } from './media.service';
import { MediaUploadService } from './media-upload.service';
import { everyInterval } from '../../observability/request-context';

const BATCH = 100;
/** rows looked at per pass at most (the next pass goes on from the start) */
const MAX_PAGES = 50;

/**
 * Deletes uploads nothing references once they are older than MEDIA_ORPHAN_TTL_HOURS, and
 * submits shopper images whose content check was never sent (WeChat was down). Every step is
 * conditional in the database, so several replicas may sweep at once.
 */
@Injectable()
export class MediaSweeperService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MediaSweeperService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    @InjectRepository(MediaEntity) private readonly media: Repository<MediaEntity>,
    private readonly service: MediaService,
    private readonly uploads: MediaUploadService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = everyInterval('media-sweeper', this.config.media.sweepIntervalMs, () => {
      this.running ??= this.runOnce()
        .catch((err: Error) => this.logger.warn(`media sweep failed: ${err.message}`))
        .finally(() => (this.running = null));
    });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass; `now` is injectable so tests move time instead of waiting a day. */
  async runOnce(now = new Date()): Promise<{ deleted: number; resubmitted: number }> {
    const before = new Date(now.getTime() - this.config.media.orphanTtlHours * 3600_000);
    let deleted = 0;
    for (let afterId: number | null = 0, pages = 0; afterId !== null && pages < MAX_PAGES; pages++) {
      const page = await this.service.orphanCandidates(before, afterId, BATCH);
      for (const id of page.orphans) if (await this.service.sweepOne(id, before)) deleted++;
      afterId = page.lastId;
    }
    // unsent checks older than a minute (younger ones are still being submitted after their upload)
    const unsent = await this.media.find({
      where: {
        status: 'PENDING',
        checkTraceId: IsNull(),
        createdAt: And(LessThan(new Date(now.getTime() - 60_000)), MoreThan(before)),
      },
      take: BATCH,
    });
    for (const row of unsent) await this.uploads.submitCheck(row);
    if (deleted) this.logger.log(`swept ${deleted} unused images older than ${this.config.media.orphanTtlHours} h`);
    return { deleted, resubmitted: unsent.length };
  }
}
