import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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
  track(
    @CurrentUserId() userId: number,
    @Body() dto: TrackEventsDto,
    @Req() request: FastifyRequest,
  ): Promise<TrackEventsResponse> {
    return this.events.track(userId, dto.events, request.id ?? null, request.ip);
  }
}
