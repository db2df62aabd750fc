import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Where stored image paths point: `/api/v1/assets/demo/p01.svg` → apps/api/assets/demo/p01.svg. */
export const ASSETS_PREFIX = '/api/v1/assets/';

/**
 * apps/api/assets, found by walking up from this file: it sits at a different depth in the
 * sources (tests) and in dist/ (npm start), and the Docker image copies it beside dist.
 */
export function findAssetsDir(start = __dirname): string | null {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, 'apps', 'api', 'assets');
    if (existsSync(join(candidate, 'demo'))) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

/**
 * Serves the bundled images (the demo catalog's pictures) from the API itself, so a fresh
 * clone shows a complete shop with no internet and no object storage. Registered on Fastify
 * directly (Nest's global prefix does not apply), read-only, no directory listing.
 */
@Injectable()
export class StaticAssets implements OnModuleInit {
  private readonly logger = new Logger(StaticAssets.name);

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const root = findAssetsDir(resolve(__dirname));
    if (!root) {
      this.logger.warn('apps/api/assets not found: demo images will answer 404');
      return;
    }
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    void fastify.register(fastifyStatic, {
      root,
      prefix: ASSETS_PREFIX,
      // Swagger UI registers this plugin too; only one may decorate the reply.
      decorateReply: false,
      index: false,
      list: false,
      dotfiles: 'deny',
      maxAge: '1d',
    });
  }
}
