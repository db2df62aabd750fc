import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { RecordSubscriptionsRequest, SubscribeMoment } from '@sutwxapp/contracts';
import { IsIn, IsObject, IsOptional } from 'class-validator';

export class SubscribeTemplatesQueryDto {
  @ApiPropertyOptional({
    enum: ['pay', 'aftersale'],
    default: 'pay',
    description: 'the tap that asks: checkout/pay or after-sale submit',
  })
  @IsOptional()
  @IsIn(['pay', 'aftersale'], { message: 'moment must be pay or aftersale' })
  moment?: SubscribeMoment;
}

export class RecordSubscriptionsDto implements RecordSubscriptionsRequest {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: ['accept', 'reject', 'ban', 'filter'] },
    example: { 'tpl-id': 'accept' },
    description: 'wx.requestSubscribeMessage success result without errMsg',
  })
  @IsObject({ message: 'results must be an object of templateId: accept|reject|ban|filter' })
  results!: Record<string, string>;
}
