import { ApiProperty } from '@nestjs/swagger';
import type { BindPhoneRequest } from '@sutwxapp/contracts';
import { IsString, Length } from 'class-validator';

export class BindPhoneDto implements BindPhoneRequest {
  @ApiProperty({ description: 'the code from <button open-type="getPhoneNumber"> (bindgetphonenumber)' })
  @IsString()
  @Length(1, 128, { message: 'code must be the getPhoneNumber code (1–128 characters)' })
  code!: string;
}
