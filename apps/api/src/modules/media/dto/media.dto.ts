import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AdminMedia, Media, MediaKind, MediaReference, MediaStatus, MediaVariant } from '@sutwxapp/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

const KINDS: MediaKind[] = ['product', 'banner', 'category', 'review', 'avatar', 'other'];
const STATUSES: MediaStatus[] = ['PENDING', 'READY', 'REVIEW', 'REJECTED'];

export class AdminUploadQueryDto {
  @ApiPropertyOptional({ enum: ['product', 'banner', 'category', 'other'], default: 'product' })
  @IsOptional()
  @IsIn(['product', 'banner', 'category', 'other'], { message: 'kind must be product, banner, category or other' })
  kind: MediaKind = 'product';
}

export class ShopperUploadQueryDto {
  @ApiPropertyOptional({ enum: ['review', 'avatar'], default: 'review' })
  @IsOptional()
  @IsIn(['review', 'avatar'], { message: 'kind must be review or avatar' })
  kind: MediaKind = 'review';
}

export class AdminMediaQueryDto {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status?: MediaStatus;

  @ApiPropertyOptional({ enum: KINDS })
  @IsOptional()
  @IsIn(KINDS, { message: `kind must be one of ${KINDS.join(', ')}` })
  kind?: MediaKind;

  @ApiPropertyOptional({ enum: ['admin', 'user'] })
  @IsOptional()
  @IsIn(['admin', 'user'], { message: 'ownerType must be admin or user' })
  ownerType?: 'admin' | 'user';

  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  page = 1;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize = 20;
}

// ---- responses (OpenAPI)

export class MediaVariantResponse implements MediaVariant {
  @ApiProperty({ enum: [240, 750, 1500], description: 'nominal width the file is served under' })
  name!: 240 | 750 | 1500;
  @ApiProperty({ enum: ['jpeg', 'webp'] })
  format!: 'jpeg' | 'webp';
  @ApiProperty({ description: 'actual width (never enlarged beyond the original)' })
  width!: number;
  @ApiProperty()
  height!: number;
  @ApiProperty()
  bytes!: number;
  @ApiProperty({ example: 'https://cdn.example.com/media/3f2a…/750.jpg' })
  url!: string;
}

export class MediaResponse implements Media {
  @ApiProperty()
  id!: number;
  @ApiProperty({ example: 'media:12/3f2a…', description: "put this in a product's images or a category's icon" })
  ref!: string;
  @ApiProperty({ enum: KINDS })
  kind!: MediaKind;
  @ApiProperty({
    enum: STATUSES,
    description: 'shopper images are PENDING (owner-only) until the content check passes',
  })
  status!: MediaStatus;
  @ApiProperty({ enum: ['jpeg', 'png', 'webp', 'gif'] })
  sourceFormat!: 'jpeg' | 'png' | 'webp' | 'gif';
  @ApiProperty({ description: 'width of the original after EXIF rotation' })
  width!: number;
  @ApiProperty()
  height!: number;
  @ApiProperty({ description: 'size of the upload in bytes' })
  bytes!: number;
  @ApiProperty({ description: 'the 750 px JPEG' })
  url!: string;
  @ApiProperty({ type: [MediaVariantResponse] })
  variants!: MediaVariantResponse[];
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class MediaUploadResponse {
  @ApiProperty({ type: [MediaResponse] })
  items!: MediaResponse[];
}

export class AdminMediaResponse extends MediaResponse implements AdminMedia {
  @ApiProperty({ enum: ['admin', 'user'] })
  ownerType!: 'admin' | 'user';
  @ApiProperty({ description: 'admin_users.id or users.id (0: made by the server, e.g. the demo catalog)' })
  ownerId!: number;
}

export class MediaReferenceResponse implements MediaReference {
  @ApiProperty({ example: 'product' })
  type!: string;
  @ApiProperty()
  id!: number;
  @ApiProperty({ example: '无线降噪耳机' })
  label!: string;
}

export class AdminMediaDetailResponse extends AdminMediaResponse {
  @ApiProperty({
    type: [MediaReferenceResponse],
    description: 'rows that use this image; it cannot be deleted while any do',
  })
  references!: MediaReferenceResponse[];
}

export class AdminMediaPageResponse {
  @ApiProperty({ type: [AdminMediaResponse] })
  items!: AdminMediaResponse[];
  @ApiProperty()
  total!: number;
  @ApiProperty()
  page!: number;
  @ApiProperty()
  pageSize!: number;
}
