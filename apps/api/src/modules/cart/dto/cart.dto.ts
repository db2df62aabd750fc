import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AddCartItemRequest, SelectAllRequest, UpdateCartItemRequest } from '@sutwxapp/contracts';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_LINE_QUANTITY = 999;

export class AddCartItemDto implements AddCartItemRequest {
  @ApiProperty()
  @IsInt({ message: 'skuId must be an integer id' })
  @Min(1, { message: 'skuId must be a positive id' })
  @Max(2_147_483_647)
  skuId!: number;

  @ApiProperty({ minimum: 1, maximum: MAX_LINE_QUANTITY })
  @IsInt({ message: 'quantity must be a whole number' })
  @Min(1, { message: 'quantity must be at least 1' })
  @Max(MAX_LINE_QUANTITY, { message: `quantity can be at most ${MAX_LINE_QUANTITY}` })
  quantity!: number;
}

export class UpdateCartItemDto implements UpdateCartItemRequest {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_LINE_QUANTITY })
  @IsOptional()
  @IsInt({ message: 'quantity must be a whole number' })
  @Min(1, { message: 'quantity must be at least 1' })
  @Max(MAX_LINE_QUANTITY, { message: `quantity can be at most ${MAX_LINE_QUANTITY}` })
  quantity?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  selected?: boolean;
}

export class SelectAllDto implements SelectAllRequest {
  @ApiProperty()
  @IsBoolean()
  selected!: boolean;
}
