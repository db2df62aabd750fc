import { NestedListOf } from '../../../common/nested';
import { IntRange } from '../../../common/validation-rules';
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
import { IsDefined, IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';

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
  @IntRange(1, 2_147_483_647, {
    int: 'productId must be an integer id',
    min: 'productId must be a positive id',
    max: 'productId is too large',
  })
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
  @NestedListOf(() => BehaviourEventDto, MAX_EVENTS_PER_BATCH, {
    notList: 'events must be a list',
    tooFew: 'send at least one event',
    tooMany: `send at most ${MAX_EVENTS_PER_BATCH} events per request`,
  })
  events!: BehaviourEventDto[];
}
