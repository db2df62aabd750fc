import { Inject, Injectable } from '@nestjs/common';
import type { AdminBanner, AdminBannerList } from '@sutwxapp/contracts';
import type { EntityManager } from 'typeorm';
import { parseMediaRef } from '../../common/media-ref';
import { Errors } from '../../common/errors/app-error';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { TransactionService } from '../../database/transaction.service';
import { MediaService } from '../media/media.service';
import { CatalogCacheService } from './catalog-cache.service';
import { toAdminBanner, toStoredUrl } from './catalog.mapper';
import type { CreateBannerDto, UpdateBannerDto } from './dto/admin-catalog.dto';
import { BannerEntity } from './entities/banner.entity';

/** The home page's banners as operators edit them. Every write shows on the shoppers' next home read. */
@Injectable()
export class BannerAdminService {
  constructor(
    private readonly tx: TransactionService,
    private readonly cache: CatalogCacheService,
    private readonly media: MediaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(): Promise<AdminBannerList> {
    const rows = await this.tx.manager.find(BannerEntity, { order: { sortOrder: 'ASC', id: 'ASC' } });
    return { items: rows.map((b) => toAdminBanner(b, this.config)) };
  }

  async create(dto: CreateBannerDto): Promise<AdminBanner> {
    const saved = await this.tx.run(async (em) =>
      em.save(
        em.create(BannerEntity, {
          title: dto.title,
          image: await this.storedImage(em, dto.image),
          link: dto.link ?? null,
          sortOrder: dto.sortOrder ?? 0,
          active: dto.active ?? true,
        }),
      ),
    );
    await this.cache.bannersChanged();
    return toAdminBanner(saved, this.config);
  }

  async update(id: number, dto: UpdateBannerDto): Promise<AdminBanner> {
    const saved = await this.tx.run(async (em) => {
      const banner = await em.findOneBy(BannerEntity, { id });
      if (!banner) throw Errors.BANNER_NOT_FOUND(`轮播图 ${id} 不存在或已删除`);
      if (dto.title !== undefined) banner.title = dto.title;
      if (dto.image !== undefined) banner.image = await this.storedImage(em, dto.image);
      if (dto.link !== undefined) banner.link = dto.link;
      if (dto.sortOrder !== undefined) banner.sortOrder = dto.sortOrder;
      if (dto.active !== undefined) banner.active = dto.active;
      return em.save(banner);
    });
    await this.cache.bannersChanged();
    return toAdminBanner(saved, this.config);
  }

  async remove(id: number): Promise<void> {
    const result = await this.tx.run((em) => em.delete(BannerEntity, { id }));
    if (result.affected !== 1) throw Errors.BANNER_NOT_FOUND(`轮播图 ${id} 不存在或已删除`);
    await this.cache.bannersChanged();
  }

  /**
   * What the row stores: an uploaded image (media:<id>, or its /media/… URL, absolute or not) is
   * claimed on the banner's transaction; another URL of ours becomes its path (/api/v1/assets/…);
   * anything else must be https, the only images the mini-program loads.
   */
  private async storedImage(em: EntityManager, image: string): Promise<string> {
    const absolute = image.startsWith('/media/') ? `${this.config.publicBaseUrl}${image}` : image;
    const [claimed] = await this.media.claimForCatalog(em, [absolute]);
    if (parseMediaRef(claimed)) return claimed;
    const stored = toStoredUrl(claimed, this.config);
    if (stored.startsWith('/api/v1/assets/') || stored.startsWith('https://')) return stored;
    const message = 'image 须为 https 图片地址，或「素材」上传后得到的图片地址（/media/… 或 media:<id>）';
    throw Errors.VALIDATION_FAILED(message, { errors: [{ field: 'image', message }] });
  }
}
