import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional } from 'class-validator';

export class SubscribeTemplatesQueryDto {
  @ApiPropertyOptional({
    enum: ['pay', 'aftersale'],
    default: 'pay',
    description: 'the tap that asks: checkout/pay or after-sale submit',
  })
  @IsOptional()
  @IsIn(['pay', 'aftersale'], { message: 'moment must be pay or aftersale' })
  moment?: 'pay' | 'aftersale';
}

export class SubscribeTemplatesDto {
  @ApiProperty({ enum: ['pay', 'aftersale'] }) moment!: string;
  @ApiProperty({ type: [String], description: 'pass to wx.requestSubscribeMessage({tmplIds})' })
  templateIds!: string[];
}

export class RecordSubscriptionsDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: ['accept', 'reject', 'ban', 'filter'] },
    example: { 'tpl-id': 'accept' },
    description: 'wx.requestSubscribeMessage success result without errMsg',
  })
  @IsObject({ message: 'results must be an object of templateId: accept|reject|ban|filter' })
  results!: Record<string, string>;
}

export class SubscribeResultDto {
  @ApiProperty({ type: [String], description: 'template ids recorded as one more allowed notice' })
  accepted!: string[];
}
