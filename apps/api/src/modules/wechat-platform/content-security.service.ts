import { Injectable, Logger } from '@nestjs/common';
import { MiniProgramOpenApi } from '@sutwxapp/wechat';
import type { ContentScene, ContentSecurityPort, TextVerdict } from '../../common/content-security.port';
import { platformMetrics } from './platform-metrics';

/**
 * WeChat content security behind the CONTENT_SECURITY port. Text is checked synchronously
 * (msg_sec_check v2); when WeChat cannot answer, the verdict is `review`: the text is held for a
 * person (the moderation module's content_reviews queue) rather than shown unchecked or refused
 * for our outage. Images are submitted to
 * media_check_async; their verdict arrives by message push as `media_check_result`.
 */
@Injectable()
export class ContentSecurityService implements ContentSecurityPort {
  private readonly logger = new Logger(ContentSecurityService.name);

  constructor(private readonly api: MiniProgramOpenApi) {}

  async checkText(input: {
    openid: string;
    scene: ContentScene;
    content: string;
    title?: string;
    nickname?: string;
  }): Promise<TextVerdict> {
    try {
      const r = await this.api.msgSecCheck(input);
      platformMetrics.openApiCalls.inc({ api: 'msg_sec_check', result: r.suggest });
      return { verdict: r.suggest, label: r.label, ...(r.traceId ? { traceId: r.traceId } : {}) };
    } catch (err) {
      platformMetrics.openApiCalls.inc({ api: 'msg_sec_check', result: 'error' });
      this.logger.warn(`msg_sec_check unavailable, holding the text for review: ${(err as Error).message}`);
      return { verdict: 'review' };
    }
  }

  async submitImage(input: { openid: string; scene: ContentScene; url: string }): Promise<{ traceId: string }> {
    const r = await this.api.mediaCheckAsync({ openid: input.openid, scene: input.scene, mediaUrl: input.url });
    platformMetrics.openApiCalls.inc({ api: 'media_check_async', result: 'ok' });
    return r;
  }
}
