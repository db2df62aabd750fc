import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { CatalogModule } from '../catalog/catalog.module';
import { MediaModule } from '../media/media.module';
import { OrderModule } from '../order/order.module';
import { AdminReviewController } from './admin-review.controller';
import { ReviewEntity } from './entities/review.entity';
import { ProductReviewsController, ReviewController } from './review.controller';
import { ReviewAdminService } from './review-admin.service';
import { ReviewMediaReferences } from './review-media-references';
import { ReviewQueryService } from './review-query.service';
import { ReviewService } from './review.service';

/** Reviews of completed order lines: writing, content security, public reads, moderation. */
@Module({
  imports: [TypeOrmModule.forFeature([ReviewEntity]), AuthModule, CatalogModule, MediaModule, OrderModule],
  controllers: [ReviewController, ProductReviewsController, AdminReviewController],
  providers: [ReviewService, ReviewQueryService, ReviewAdminService, ReviewMediaReferences],
})
export class ReviewModule {}
