import { Controller, Delete, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { AdminMediaDetail, AdminMediaPage, Media, MediaUploadResult } from '@sutwxapp/contracts';
import type { FastifyRequest } from 'fastify';
import { ApiRoute } from '../../common/openapi/api-route.decorator';
import { IdParam } from '../../common/parse-id.pipe';
import { AdminOnly, CurrentUserId, ShopperOnly } from '../auth/guards/auth.guard';
import { AdminMediaQueryDto, AdminUploadQueryDto, ShopperUploadQueryDto } from './dto/media.dto';
import { MediaService } from './media.service';
import { MediaUploadService } from './media-upload.service';

const FILE_BODY = {
  schema: {
    type: 'object',
    properties: { file: { type: 'string', format: 'binary', description: 'JPEG, PNG, WebP or GIF; one or more' } },
  },
};

@ApiTags('media')
@Controller('media')
@ShopperOnly()
export class MediaController {
  constructor(
    private readonly uploads: MediaUploadService,
    private readonly media: MediaService,
  ) {}

  @Post()
  @ApiRoute({
    summary: 'Upload review photos or an avatar (multipart); visible to others after the content check',
    ok: { 201: 'MediaUploadResult' },
    errors: {
      400: ['MEDIA_NO_FILE', 'MEDIA_UNREADABLE'],
      413: ['MEDIA_TOO_LARGE', 'MEDIA_TOO_MANY_FILES', 'MEDIA_TOO_MANY_PIXELS', 'PAYLOAD_TOO_LARGE'],
      415: ['MEDIA_TYPE_NOT_ALLOWED', 'UNSUPPORTED_MEDIA_TYPE'],
      429: ['MEDIA_QUOTA_EXCEEDED'],
    },
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  async upload(
    @Req() request: FastifyRequest,
    @CurrentUserId() userId: number,
    @Query() query: ShopperUploadQueryDto,
  ): Promise<MediaUploadResult> {
    return { items: await this.uploads.upload(request, { type: 'user', id: userId }, query.kind) };
  }

  @Get(':id')
  @ApiRoute({
    summary: "An image: one's own in any state, others' once they passed the content check",
    ok: { 200: 'Media' },
    errors: { 404: ['MEDIA_NOT_FOUND'] },
  })
  get(@IdParam() id: number, @CurrentUserId() userId: number): Promise<Media> {
    return this.media.getVisible(id, { type: 'user', id: userId });
  }
}

@ApiTags('admin: media')
@Controller('admin/media')
@AdminOnly()
export class AdminMediaController {
  constructor(
    private readonly uploads: MediaUploadService,
    private readonly media: MediaService,
  ) {}

  @Post()
  @ApiRoute({
    summary: "Upload images to the shop's library (multipart); use each item's ref on products",
    ok: { 201: 'MediaUploadResult' },
    errors: {
      400: ['MEDIA_NO_FILE', 'MEDIA_UNREADABLE'],
      413: ['MEDIA_TOO_LARGE', 'MEDIA_TOO_MANY_FILES', 'MEDIA_TOO_MANY_PIXELS', 'PAYLOAD_TOO_LARGE'],
      415: ['MEDIA_TYPE_NOT_ALLOWED', 'UNSUPPORTED_MEDIA_TYPE'],
    },
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  async upload(
    @Req() request: FastifyRequest,
    @CurrentUserId() adminId: number,
    @Query() query: AdminUploadQueryDto,
  ): Promise<MediaUploadResult> {
    return { items: await this.uploads.upload(request, { type: 'admin', id: adminId }, query.kind) };
  }

  @Get()
  @ApiRoute({ summary: 'List uploaded images, newest first', ok: { 200: 'AdminMediaPage' } })
  list(@Query() query: AdminMediaQueryDto): Promise<AdminMediaPage> {
    return this.media.adminList(query);
  }

  @Get(':id')
  @ApiRoute({
    summary: 'One image with the rows that use it',
    ok: { 200: 'AdminMediaDetail' },
    errors: { 404: ['MEDIA_NOT_FOUND'] },
  })
  get(@IdParam() id: number): Promise<AdminMediaDetail> {
    return this.media.adminGet(id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiRoute({
    summary: 'Delete an unused image (409 lists what still uses it)',
    ok: { 204: null },
    errors: { 404: ['MEDIA_NOT_FOUND'], 409: ['MEDIA_IN_USE'] },
  })
  remove(@IdParam() id: number): Promise<void> {
    return this.media.remove(id);
  }
}
