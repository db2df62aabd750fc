import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CreateCategoryRequest, UpdateCategoryRequest } from '@sutwxapp/contracts';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IMAGE_URL, IsOptionalNotNull } from './validators';

const NAME = /^(?!\s)(?!.*\s$)[^\p{Cc}]+$/u;

export class CreateCategoryDto implements CreateCategoryRequest {
  @ApiProperty({ example: '手机' })
  @IsString()
  @Length(1, 32, { message: 'name must be 1 to 32 characters' })
  @Matches(NAME, { message: 'name must not start or end with spaces or contain control characters' })
  name!: string;

  @ApiPropertyOptional({ nullable: true, description: 'a top-level category; omit or null for a top-level one' })
  @IsOptional()
  @IsInt({ message: 'parentId must be a category id' })
  @Min(1, { message: 'parentId must be a category id' })
  parentId?: number | null;

  @ApiPropertyOptional({ nullable: true, example: '/api/v1/assets/demo/cat-digital.svg' })
  @IsOptional()
  @IsString()
  @Matches(IMAGE_URL, {
    message: 'icon must be media:<id> (an uploaded image), a path starting with / or an http(s) URL',
  })
  icon?: string | null;

  @ApiPropertyOptional({ default: 0, description: 'smaller first' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(9999)
  sortOrder?: number;
}

export class UpdateCategoryDto implements UpdateCategoryRequest {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 32, { message: 'name must be 1 to 32 characters' })
  @Matches(NAME, { message: 'name must not start or end with spaces or contain control characters' })
  name?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsInt({ message: 'parentId must be a category id' })
  @Min(1, { message: 'parentId must be a category id' })
  parentId?: number | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @Matches(IMAGE_URL, {
    message: 'icon must be media:<id> (an uploaded image), a path starting with / or an http(s) URL',
  })
  icon?: string | null;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(9999)
  sortOrder?: number;
}
