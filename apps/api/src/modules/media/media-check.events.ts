import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../../common/domain-events';
import { MediaService } from './media.service';

/** WeChat's asynchronous image verdicts (published by the WeChat platform module) land here. */
@Injectable()
export class MediaCheckEvents implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly media: MediaService,
  ) {}

  onModuleInit(): void {
    this.events.on('media_check_result', ({ traceId, verdict }) => this.media.onVerdict(traceId, verdict));
  }
}
