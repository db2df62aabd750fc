import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../../common/openapi/api-route.decorator';
import type { TrackEventsResponse } from '@sutwxapp/contracts';
import type { FastifyRequest } from 'fastify';
import { CurrentUserId, ShopperOnly } from '../auth/guards/auth.guard';
import { BehaviourEventsService } from './behaviour-events.service';
import { TrackEventsDto } from './dto/track-events.dto';

@ApiTags('events')
@Controller('events')
@ShopperOnly()
export class BehaviourEventsController {
  constructor(private readonly events: BehaviourEventsService) {}

  /** 202: the events are queued, not yet stored. */
  @Post()
  @HttpCode(202)
  @ApiRoute({
    summary: 'Report a batch of behaviour events (at most 50)',
    body: 'TrackEventsRequest',
    ok: { 202: 'TrackEventsResponse' },
    errors: { 429: ['TOO_MANY_REQUESTS'], 503: ['SERVICE_UNAVAILABLE'] },
  })
  track(
    @CurrentUserId() userId: number,
    @Body() dto: TrackEventsDto,
    @Req() request: FastifyRequest,
  ): Promise<TrackEventsResponse> {
    return this.events.track(userId, dto.events, request.id ?? null, request.ip);
  }
}
