import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class BindPhoneDto {
  @ApiProperty({ description: 'the code from <button open-type="getPhoneNumber"> (bindgetphonenumber)' })
  @IsString()
  @Length(1, 128, { message: 'code must be the getPhoneNumber code (1–128 characters)' })
  code!: string;
}

export class PhoneDto {
  @ApiProperty({ nullable: true, type: String, example: '138****8000', description: 'always masked' })
  phoneMasked!: string | null;
}
