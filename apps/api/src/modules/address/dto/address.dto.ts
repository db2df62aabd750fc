import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AddressInput } from '@sutwxapp/contracts';
import { IsBoolean, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';

const NOT_BLANK = /^(?!\s*$)[^\p{Cc}]+$/u;

export class AddressDto implements AddressInput {
  @ApiProperty({ example: '张三' })
  @IsString()
  @Length(1, 32, { message: 'receiverName must be 1 to 32 characters' })
  @Matches(NOT_BLANK, { message: 'receiverName must not be blank or contain control characters' })
  receiverName!: string;

  @ApiProperty({ example: '13800138000', description: 'may be left out with useBoundPhone' })
  @ValidateIf((o: AddressDto) => o.useBoundPhone !== true || o.phone !== undefined)
  @IsString()
  @Matches(/^1[3-9]\d{9}$/, { message: 'phone must be an 11-digit mainland China mobile number' })
  phone!: string;

  @ApiPropertyOptional({
    description: 'use the phone number bound with WeChat (POST /wechat/phone) when phone is left out',
  })
  @IsOptional()
  @IsBoolean()
  useBoundPhone?: boolean;

  @ApiProperty({ example: '广东省' })
  @IsString()
  @Length(1, 32)
  @Matches(NOT_BLANK, { message: 'province must not be blank' })
  province!: string;

  @ApiProperty({ example: '深圳市' })
  @IsString()
  @Length(1, 32)
  @Matches(NOT_BLANK, { message: 'city must not be blank' })
  city!: string;

  @ApiProperty({ example: '南山区' })
  @IsString()
  @Length(1, 32)
  @Matches(NOT_BLANK, { message: 'district must not be blank' })
  district!: string;

  @ApiProperty({ example: '科技园南区 1 栋 101' })
  @IsString()
  @Length(1, 200, { message: 'detail must be 1 to 200 characters' })
  @Matches(NOT_BLANK, { message: 'detail must not be blank' })
  detail!: string;

  @ApiPropertyOptional({ example: '518000' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'postalCode must be 6 digits' })
  postalCode?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
}

export class UpdateAddressDto implements Partial<AddressInput> {
  @IsOptional()
  @IsString()
  @Length(1, 32)
  @Matches(NOT_BLANK, { message: 'receiverName must not be blank or contain control characters' })
  receiverName?: string;

  @IsOptional()
  @IsString()
  @Matches(/^1[3-9]\d{9}$/, { message: 'phone must be an 11-digit mainland China mobile number' })
  phone?: string;

  @IsOptional()
  @IsString()
  @Length(1, 32)
  province?: string;

  @IsOptional()
  @IsString()
  @Length(1, 32)
  city?: string;

  @IsOptional()
  @IsString()
  @Length(1, 32)
  district?: string;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  detail?: string;

  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'postalCode must be 6 digits' })
  postalCode?: string | null;

  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
}
