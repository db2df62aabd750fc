import { NestedList } from '../../../common/nested';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  BEHAVIOUR_EVENT_TYPES,
  type BehaviourEventInput,
  type BehaviourEventType,
  MAX_EVENT_KEYWORD_LENGTH,
  MAX_EVENT_PAGE_LENGTH,
  MAX_EVENT_SOURCE_LENGTH,
  MAX_EVENTS_PER_BATCH,
  type TrackEventsRequest,
} from '@sutwxapp/contracts';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

const NEEDS_PRODUCT: readonly BehaviourEventType[] = ['product_view', 'add_to_cart'];

export class BehaviourEventDto implements BehaviourEventInput {
  @ApiProperty({ enum: BEHAVIOUR_EVENT_TYPES })
  @IsIn(BEHAVIOUR_EVENT_TYPES, { message: `type must be one of ${BEHAVIOUR_EVENT_TYPES.join(', ')}` })
  type!: BehaviourEventType;

  @ApiProperty({ maxLength: MAX_EVENT_PAGE_LENGTH, example: 'pages/product/detail/index' })
  @IsString({ message: 'page must be the page route' })
  @Matches(/\S/, { message: 'page must not be empty' })
  @MaxLength(MAX_EVENT_PAGE_LENGTH, { message: `page can be at most ${MAX_EVENT_PAGE_LENGTH} characters` })
  page!: string;

  @ApiPropertyOptional({ description: 'required for product_view and add_to_cart' })
  @ValidateIf((e: BehaviourEventDto) => NEEDS_PRODUCT.includes(e.type) || e.productId !== undefined)
  @IsDefined({ message: 'productId is required for product_view and add_to_cart' })
  @IsInt({ message: 'productId must be an integer id' })
  @Min(1, { message: 'productId must be a positive id' })
  @Max(2_147_483_647, { message: 'productId is too large' })
  productId?: number;

  @ApiPropertyOptional({ maxLength: MAX_EVENT_KEYWORD_LENGTH, description: 'required for search' })
  @ValidateIf((e: BehaviourEventDto) => e.type === 'search' || e.keyword !== undefined)
  @IsDefined({ message: 'keyword is required for search' })
  @IsString({ message: 'keyword must be text' })
  @Matches(/\S/, { message: 'keyword must not be empty' })
  @MaxLength(MAX_EVENT_KEYWORD_LENGTH, { message: `keyword can be at most ${MAX_EVENT_KEYWORD_LENGTH} characters` })
  keyword?: string;

  @ApiPropertyOptional({ maxLength: MAX_EVENT_SOURCE_LENGTH, example: 'share_message' })
  @IsOptional()
  @Matches(/^[\w-]{1,32}$/, { message: 'source must be 1 to 32 letters, digits, _ or -' })
  source?: string;

  @ApiProperty({ example: '2025-01-01T08:00:00.000Z' })
  @IsISO8601({ strict: true }, { message: 'clientTime must be an ISO 8601 date-time' })
  @MaxLength(40)
  clientTime!: string;
}

export class TrackEventsDto implements TrackEventsRequest {
  @ApiProperty({ type: [BehaviourEventDto], minItems: 1, maxItems: MAX_EVENTS_PER_BATCH })
  @IsArray({ message: 'events must be a list' })
  @ArrayMinSize(1, { message: 'send at least one event' })
  @ArrayMaxSize(MAX_EVENTS_PER_BATCH, { message: `send at most ${MAX_EVENTS_PER_BATCH} events per request` })
  @NestedList(() => BehaviourEventDto)
  events!: BehaviourEventDto[];
}
