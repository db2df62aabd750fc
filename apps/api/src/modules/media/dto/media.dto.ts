import { ApiPropertyOptional } from '@nestjs/swagger';
import type { MediaKind, MediaStatus } from '@sutwxapp/contracts';
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
