import { SAFE_TEXT, safeTextMessage } from '../../../common/safe-text';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OPERATOR_ROLES, type OperatorRole } from '@sutwxapp/contracts';
import type {
  AdminLoginRequest,
  CreateOperatorRequest,
  UpdateOperatorRequest,
  ChangePasswordRequest,
  ResetPasswordRequest,
  UpdateProfileRequest,
  WechatLoginRequest,
} from '@sutwxapp/contracts';
import {
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidateIf,
} from 'class-validator';

export class WechatLoginDto implements WechatLoginRequest {
  /*
   * Any text: which codes can log in is WeChat's answer (or the sandbox's), not a format rule here.
   * DevTools in tourist mode hands out the literal "the code is a mock one", which the sandbox must
   * accept; without the sandbox, AuthService refuses codes WeChat never issues with a 401.
   */
  @ApiProperty({ description: 'code from wx.login()', example: 'demo' })
  @IsString({ message: 'code must be the string returned by wx.login()' })
  @Length(1, 128, { message: 'code must be 1 to 128 characters' })
  code!: string;
}

export class AdminLoginDto implements AdminLoginRequest {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @Length(1, 64)
  username!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  password!: string;
}

const AVATAR = 'avatarUrl must be media:<id> from POST /media?kind=avatar, or an http(s) URL';
const MEDIA_REF = /^media:\d{1,12}(\/[0-9a-f]{16,64})?$/;

export class UpdateProfileDto implements UpdateProfileRequest {
  @ApiPropertyOptional({ example: '小明😀', description: 'any Unicode, emoji included, 1 to 32 characters' })
  @IsOptional()
  @IsString()
  @Length(1, 32, { message: 'nickname must be 1 to 32 characters' })
  @Matches(SAFE_TEXT, { message: safeTextMessage('nickname') })
  nickname?: string;

  @ApiPropertyOptional({
    example: 'media:42',
    description: 'the `ref` of your own upload (POST /media?kind=avatar), or an http(s) URL (a WeChat avatar)',
  })
  @IsOptional()
  @IsString({ message: AVATAR })
  @MaxLength(512, { message: AVATAR })
  @ValidateIf((_, v: unknown) => typeof v === 'string' && !MEDIA_REF.test(v))
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { message: AVATAR })
  avatarUrl?: string;
}

const NEW_PASSWORD =
  'newPassword must be 8 characters to 72 bytes (bcrypt reads no further: about 24 Chinese characters)';

/** At most 72 UTF-8 bytes: bcrypt ignores the rest, so a longer password would be silently cut. */
const MaxUtf8Bytes = (max: number, message: string): PropertyDecorator =>
  ValidateBy(
    {
      name: 'maxUtf8Bytes',
      validator: { validate: (v: unknown) => typeof v === 'string' && Buffer.byteLength(v, 'utf8') <= max },
      constraints: [max],
    },
    { message },
  );

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  currentPassword!: string;

  @ApiProperty({ minLength: 8, description: 'at most 72 bytes in UTF-8' })
  @IsString({ message: NEW_PASSWORD })
  @MinLength(8, { message: NEW_PASSWORD })
  @MaxUtf8Bytes(72, NEW_PASSWORD)
  newPassword!: string;
}

export class ResetPasswordDto implements ResetPasswordRequest {
  @ApiProperty({ minLength: 8, description: 'at most 72 bytes in UTF-8' })
  @IsString({ message: NEW_PASSWORD })
  @MinLength(8, { message: NEW_PASSWORD })
  @MaxUtf8Bytes(72, NEW_PASSWORD)
  newPassword!: string;
}

const ROLE_MESSAGE = `operatorRole must be one of ${OPERATOR_ROLES.join(', ')}`;

export class CreateOperatorDto implements CreateOperatorRequest {
  @ApiProperty({ example: 'cs01' })
  @IsString()
  @Length(1, 64)
  username!: string;

  @ApiProperty({ minLength: 8, description: 'at most 72 bytes in UTF-8' })
  @IsString({ message: NEW_PASSWORD })
  @MinLength(8, { message: NEW_PASSWORD })
  @MaxUtf8Bytes(72, NEW_PASSWORD)
  password!: string;

  @ApiProperty({ enum: OPERATOR_ROLES })
  @IsIn(OPERATOR_ROLES, { message: ROLE_MESSAGE })
  operatorRole!: OperatorRole;
}

export class UpdateOperatorDto implements UpdateOperatorRequest {
  @ApiProperty({ enum: OPERATOR_ROLES })
  @IsIn(OPERATOR_ROLES, { message: ROLE_MESSAGE })
  operatorRole!: OperatorRole;
}
