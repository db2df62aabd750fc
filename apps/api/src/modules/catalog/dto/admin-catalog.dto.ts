import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { BulkShelfRequest, CreateBannerRequest, UpdateBannerRequest } from '@sutwxapp/contracts';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  Length,
  Matches,
} from 'class-validator';
import { IntRange } from '../../../common/validation-rules';
import { IMAGE_URL, IsOptionalNotNull } from './validators';

/** Ids are INT columns on both engines (as route ids: parse-id.pipe.ts). */
const MAX_ID = 2_147_483_647;
const BULK_MAX = 100;
const IDS = `ids 须为 1–${BULK_MAX} 个不重复的商品 ID（正整数）`;
const TITLE = /^(?!\s)(?!.*\s$)[^\p{Cc}]+$/u;
/** a mini-program page (/pages/…, query allowed) or an https page */
const LINK = /^(\/pages\/|https:\/\/)[^\s"'<>\\]{1,500}$/;

export class BulkShelfDto implements BulkShelfRequest {
  @ApiProperty({ type: [Number], minItems: 1, maxItems: BULK_MAX, example: [12, 13] })
  @IsArray({ message: IDS })
  @ArrayMinSize(1, { message: IDS })
  @ArrayMaxSize(BULK_MAX, { message: `ids 一次最多 ${BULK_MAX} 个，请分批操作` })
  @ArrayUnique({ message: 'ids 中有重复的商品 ID，每个商品只写一次' })
  @IntRange(1, MAX_ID, IDS, true)
  ids!: number[];

  @ApiProperty({ description: 'true: put on the shelf; false: take off' })
  @IsBoolean({ message: 'onShelf 须为 true（上架）或 false（下架）' })
  onShelf!: boolean;
}

const TITLE_MESSAGE = 'title 须为 1–64 个字符，首尾不能是空格';
const IMAGE_MESSAGE = 'image 须为 https 图片地址，或「素材」上传后得到的图片地址（/media/… 或 media:<id>）';
const LINK_MESSAGE = 'link 须为小程序页面路径（以 /pages/ 开头）或 https 网址，不跳转时填 null';
const SORT_MESSAGE = 'sortOrder 须为 0–9999 的整数（越小越靠前）';

export class CreateBannerDto implements CreateBannerRequest {
  @ApiProperty({ example: '新品上市' })
  @IsString({ message: TITLE_MESSAGE })
  @Length(1, 64, { message: TITLE_MESSAGE })
  @Matches(TITLE, { message: TITLE_MESSAGE })
  title!: string;

  @ApiProperty({ example: 'media:12' })
  @IsString({ message: IMAGE_MESSAGE })
  @Matches(IMAGE_URL, { message: IMAGE_MESSAGE })
  image!: string;

  @ApiPropertyOptional({ nullable: true, example: '/pages/product/detail/index?id=3' })
  @IsOptional()
  @IsString({ message: LINK_MESSAGE })
  @Matches(LINK, { message: LINK_MESSAGE })
  link?: string | null;

  @ApiPropertyOptional({ default: 0, description: 'smaller first' })
  @IsOptionalNotNull()
  @IntRange(0, 9999, SORT_MESSAGE)
  sortOrder?: number;

  @ApiPropertyOptional({ default: true, description: 'shown on the home page' })
  @IsOptionalNotNull()
  @IsBoolean({ message: 'active 须为 true（展示）或 false（不展示）' })
  active?: boolean;
}

export class UpdateBannerDto implements UpdateBannerRequest {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString({ message: TITLE_MESSAGE })
  @Length(1, 64, { message: TITLE_MESSAGE })
  @Matches(TITLE, { message: TITLE_MESSAGE })
  title?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString({ message: IMAGE_MESSAGE })
  @Matches(IMAGE_URL, { message: IMAGE_MESSAGE })
  image?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString({ message: LINK_MESSAGE })
  @Matches(LINK, { message: LINK_MESSAGE })
  link?: string | null;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IntRange(0, 9999, SORT_MESSAGE)
  sortOrder?: number;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsBoolean({ message: 'active 须为 true（展示）或 false（不展示）' })
  active?: boolean;
}
