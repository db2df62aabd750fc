import { ApiProperty } from '@nestjs/swagger';
import { type ShipOrderRequest, TRACKING_NO_PATTERN } from '@sutwxapp/contracts';
import { Transform } from 'class-transformer';
import { IsString, Matches, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class ShipOrderDto implements ShipOrderRequest {
  @ApiProperty({ example: 'yuantong', description: 'a code from GET /logistics/carriers' })
  @Transform(trim)
  @IsString({ message: 'carrierCode must be a carrier code' })
  @Matches(/\S/, { message: 'carrierCode must not be empty' })
  @MaxLength(32, { message: 'carrierCode can be at most 32 characters' })
  carrierCode!: string;

  @ApiProperty({ example: 'YT4629130296173' })
  @Transform(trim)
  @IsString({ message: 'trackingNo must be text' })
  @Matches(TRACKING_NO_PATTERN, { message: 'trackingNo must be 4 to 32 letters and digits' })
  trackingNo!: string;
}
