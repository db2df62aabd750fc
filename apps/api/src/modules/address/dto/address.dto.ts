import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AddressInput, UpdateAddressRequest } from '@sutwxapp/contracts';
import { applyDecorators } from '@nestjs/common';
import { IsBoolean, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { SAFE_TEXT, safeTextMessage } from '../../../common/safe-text';

/** One rule per field, used by create and by update alike (an edit must not let in what create refuses). */
const text = (field: string, max: number): PropertyDecorator =>
  applyDecorators(
    IsString({ message: `${field} must be text` }),
    Length(1, max, { message: `${field} must be 1 to ${max} characters` }),
    Matches(SAFE_TEXT, { message: safeTextMessage(field) }),
  );
const PHONE = Matches(/^1[3-9]\d{9}$/, { message: 'phone must be an 11-digit mainland China mobile number' });
const POSTAL_CODE = Matches(/^\d{6}$/, { message: 'postalCode must be 6 digits' });

export class AddressDto implements AddressInput {
  @ApiProperty({ example: '张三' })
  @text('receiverName', 32)
  receiverName!: string;

  @ApiProperty({ example: '13800138000', description: 'may be left out with useBoundPhone' })
  @ValidateIf((o: AddressDto) => o.useBoundPhone !== true || o.phone !== undefined)
  @IsString()
  @PHONE
  phone!: string;

  @ApiPropertyOptional({
    description: 'use the phone number bound with WeChat (POST /wechat/phone) when phone is left out',
  })
  @IsOptional()
  @IsBoolean()
  useBoundPhone?: boolean;

  @ApiProperty({ example: '广东省' })
  @text('province', 32)
  province!: string;

  @ApiProperty({ example: '深圳市' })
  @text('city', 32)
  city!: string;

  @ApiProperty({ example: '南山区' })
  @text('district', 32)
  district!: string;

  @ApiProperty({ example: '科技园南区 1 栋 101' })
  @text('detail', 200)
  detail!: string;

  @ApiPropertyOptional({ example: '518000', nullable: true })
  @IsOptional()
  @POSTAL_CODE
  postalCode?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
}

/** Absent means "unchanged"; null is refused (NOT NULL columns) except for postalCode. */
const OPTIONAL_NOT_NULL = ValidateIf((_o: object, value: unknown) => value !== undefined);

/** Every field optional, with exactly create's rules (the same decorators). */
export class UpdateAddressDto implements UpdateAddressRequest {
  @ApiPropertyOptional({ example: '张三' })
  @OPTIONAL_NOT_NULL
  @text('receiverName', 32)
  receiverName?: string;

  @ApiPropertyOptional({ example: '13800138000' })
  @OPTIONAL_NOT_NULL
  @IsString()
  @PHONE
  phone?: string;

  @ApiPropertyOptional({ example: '广东省' })
  @OPTIONAL_NOT_NULL
  @text('province', 32)
  province?: string;

  @ApiPropertyOptional({ example: '深圳市' })
  @OPTIONAL_NOT_NULL
  @text('city', 32)
  city?: string;

  @ApiPropertyOptional({ example: '南山区' })
  @OPTIONAL_NOT_NULL
  @text('district', 32)
  district?: string;

  @ApiPropertyOptional({ example: '科技园南区 1 栋 101' })
  @OPTIONAL_NOT_NULL
  @text('detail', 200)
  detail?: string;

  @ApiPropertyOptional({ example: '518000', nullable: true })
  @IsOptional()
  @POSTAL_CODE
  postalCode?: string | null;

  @ApiPropertyOptional()
  @OPTIONAL_NOT_NULL
  @IsBoolean()
  isDefault?: boolean;
}
