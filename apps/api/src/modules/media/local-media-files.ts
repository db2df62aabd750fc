import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { mkdirSync } from 'node:fs';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';

/**
 * With the local driver the API serves the files itself under /media/ (outside /api/v1, like a
 * CDN path). Keys are content-addressed, so every answer may be cached for a year; ETags and
 * Last-Modified answer revalidations with 304. nginx caches /media/ in front (deploy/nginx).
 */
@Injectable()
export class LocalMediaFiles implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (this.config.media.driver !== 'local') return;
    mkdirSync(this.config.media.localDir, { recursive: true });
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    void fastify.register(fastifyStatic, {
      root: this.config.media.localDir,
      prefix: '/media/',
      decorateReply: false,
      index: false,
      list: false,
      dotfiles: 'deny',
      etag: true,
      lastModified: true,
      maxAge: '365d',
      immutable: true,
      // only the processed files: never a temp file of an upload being written
      allowedPath: (path) => /^\/[0-9a-f]{16,64}\/\d+\.(jpg|webp)$/.test(path),
    });
  }
}
