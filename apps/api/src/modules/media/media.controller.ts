import { Controller, Delete, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AdminMediaPage, Media, MediaUploadResult } from '@sutwxapp/contracts';
import type { FastifyRequest } from 'fastify';
import { IdParam } from '../../common/parse-id.pipe';
import { AdminOnly, CurrentUserId, ShopperOnly } from '../auth/guards/auth.guard';
import {
  AdminMediaDetailResponse,
  AdminMediaPageResponse,
  AdminMediaQueryDto,
  AdminUploadQueryDto,
  MediaResponse,
  MediaUploadResponse,
  ShopperUploadQueryDto,
} from './dto/media.dto';
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
  @ApiOperation({ summary: 'Upload review photos or an avatar (multipart); visible to others after the content check' })
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiResponse({ status: 201, type: MediaUploadResponse })
  async upload(
    @Req() request: FastifyRequest,
    @CurrentUserId() userId: number,
    @Query() query: ShopperUploadQueryDto,
  ): Promise<MediaUploadResult> {
    return { items: await this.uploads.upload(request, { type: 'user', id: userId }, query.kind) };
  }

  @Get(':id')
  @ApiOperation({ summary: "An image: one's own in any state, others' once they passed the content check" })
  @ApiOkResponse({ type: MediaResponse })
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
  @ApiOperation({ summary: "Upload images to the shop's library (multipart); use each item's ref on products" })
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiResponse({ status: 201, type: MediaUploadResponse })
  async upload(
    @Req() request: FastifyRequest,
    @CurrentUserId() adminId: number,
    @Query() query: AdminUploadQueryDto,
  ): Promise<MediaUploadResult> {
    return { items: await this.uploads.upload(request, { type: 'admin', id: adminId }, query.kind) };
  }

  @Get()
  @ApiOperation({ summary: 'List uploaded images, newest first' })
  @ApiOkResponse({ type: AdminMediaPageResponse })
  list(@Query() query: AdminMediaQueryDto): Promise<AdminMediaPage> {
    return this.media.adminList(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One image with the rows that use it' })
  @ApiOkResponse({ type: AdminMediaDetailResponse })
  get(@IdParam() id: number): Promise<AdminMediaDetailResponse> {
    return this.media.adminGet(id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an unused image (409 lists what still uses it)' })
  @ApiResponse({ status: 204, description: 'deleted' })
  remove(@IdParam() id: number): Promise<void> {
    return this.media.remove(id);
  }
}
