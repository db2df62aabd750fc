import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ReuploadShippingRequest, ShippingParcel, ShippingUploadStatus } from '@sutwxapp/contracts';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { NestedList } from '../../../common/nested';
import { QueuePageQueryDto } from '../../../common/page-query.dto';

export class ParcelDto implements ShippingParcel {
  @ApiProperty({ example: 'yuantong', description: 'our (Kuaidi100) carrier code, see GET /logistics/carriers' })
  @IsString()
  @MaxLength(32)
  carrierCode!: string;

  @ApiProperty({ example: 'YT1234567890' })
  @IsString()
  @Matches(/^[A-Za-z0-9-]{4,32}$/, { message: 'trackingNo must be 4–32 letters, digits or -' })
  trackingNo!: string;
}

export class ReuploadDto implements ReuploadShippingRequest {
  @ApiPropertyOptional({
    type: [ParcelDto],
    description: 'several parcels = split delivery; default: the shipped parcel',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(15, { message: 'WeChat accepts at most 15 parcels per order' })
  @NestedList(() => ParcelDto)
  parcels?: ParcelDto[];

  @ApiPropertyOptional({ enum: [1, 3, 4], description: '1 express, 3 virtual goods, 4 self-pickup' })
  @IsOptional()
  @IsIn([1, 3, 4], { message: 'logisticsType must be 1 (express), 3 (virtual) or 4 (self-pickup)' })
  logisticsType?: 1 | 3 | 4;
}

export class ShippingUploadListQueryDto extends QueuePageQueryDto {
  @ApiPropertyOptional({ enum: ['PENDING', 'UPLOADING', 'DONE', 'FAILED'] })
  @IsOptional()
  @IsIn(['PENDING', 'UPLOADING', 'DONE', 'FAILED'])
  status?: ShippingUploadStatus;
}
