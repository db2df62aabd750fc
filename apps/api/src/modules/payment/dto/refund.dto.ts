import { ApiProperty } from '@nestjs/swagger';
import type { RefundRequest } from '@sutwxapp/contracts';
import { IsString, Length, Matches } from 'class-validator';

export class RefundDto implements RefundRequest {
  @ApiProperty({ example: '商品缺货，协商退款' })
  @IsString()
  @Length(1, 80, { message: 'reason must be 1 to 80 characters' })
  @Matches(/^(?!\s*$)[^\p{Cc}]+$/u, { message: 'reason must not be blank' })
  reason!: string;
}
