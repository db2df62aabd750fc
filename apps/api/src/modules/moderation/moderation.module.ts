import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { AdminContentReviewController } from './admin-content-review.controller';
import { ContentReviewHandlers } from './content-review-handlers';
import { ContentReviewEntity } from './content-review.entity';
import { ModerationService } from './moderation.service';

/**
 * The content review queue (content_reviews): shopper text WeChat's content security holds for a
 * person, and the operator routes that decide it. Features import this module for
 * ModerationService and register a @ContentReviewSubject handler for their subject type.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ContentReviewEntity]), DiscoveryModule, AuthModule],
  controllers: [AdminContentReviewController],
  providers: [ModerationService, ContentReviewHandlers],
  exports: [ModerationService],
})
export class ModerationModule {}
