import multipart from '@fastify/multipart';
import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { DiscoveryModule, HttpAdapterHost } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { FastifyInstance } from 'fastify';
import { sendError } from '../../common/errors/all-exceptions.filter';
import { Errors } from '../../common/errors/app-error';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AuthModule } from '../auth/auth.module';
import { MediaEntity } from './entities/media.entity';
import { LocalMediaFiles } from './local-media-files';
import { MediaCheckEvents } from './media-check.events';
import { AdminMediaController, MediaController } from './media.controller';
import { MediaReferences } from './media-references';
import { MediaService } from './media.service';
import { MediaSweeperService } from './media-sweeper.service';
import { MediaUploadService } from './media-upload.service';
import { LocalMediaStorage } from './storage/local-storage';
import { MEDIA_STORAGE, type MediaStorage } from './storage/media-storage';

/** The only routes that take multipart bodies. */
const UPLOAD_ROUTES = new Set(['/api/v1/media', '/api/v1/admin/media']);

export function createMediaStorage(config: AppConfig['media']): MediaStorage {
  if (config.driver === 'local') return new LocalMediaStorage(config.localDir);
  // the AWS SDK is ~150 ms of start-up: loaded only when the S3 driver is chosen
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { S3MediaStorage } = require('./storage/s3-storage') as typeof import('./storage/s3-storage');
  return new S3MediaStorage(config.s3);
}

/**
 * Uploaded images: upload, processing, storage (local disk or S3-compatible), the content
 * check for shoppers' images, deletion and the orphan sweep. Other features store references
 * (`media:<id>/<hash>`) and provide a `@FindsMediaReferences()` finder (media-references.ts).
 */
@Module({
  imports: [TypeOrmModule.forFeature([MediaEntity]), DiscoveryModule, AuthModule],
  controllers: [MediaController, AdminMediaController],
  providers: [
    {
      provide: MEDIA_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createMediaStorage(config.media),
    },
    MediaReferences,
    MediaService,
    MediaUploadService,
    MediaSweeperService,
    MediaCheckEvents,
    LocalMediaFiles,
  ],
  exports: [MediaService, MediaUploadService, MEDIA_STORAGE],
})
export class MediaModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    // Files are consumed as streams by the upload service (request.files()); never attached to
    // the body. Limits are passed per request there; these are only the outer bounds.
    void fastify.register(multipart, {
      limits: { fileSize: this.config.media.maxFileBytes, files: this.config.media.maxFiles },
    });
    // The plugin's parser is global: without this, every JSON route would take a multipart body
    // (parsed as no body at all) instead of refusing it with 415 as before.
    fastify.addHook('onRequest', (request, reply, done) => {
      if (
        !String(request.headers['content-type'] ?? '')
          .toLowerCase()
          .startsWith('multipart/')
      )
        return done();
      if (request.method === 'POST' && UPLOAD_ROUTES.has(request.routeOptions.url ?? '')) return done();
      sendError(Errors.UNSUPPORTED_MEDIA_TYPE(), request, reply);
    });
  }
}
