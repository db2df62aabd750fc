/**
 * The seam between features that show user content to others (media, reviews, nicknames) and
 * the WeChat content-security APIs (msg_sec_check v2, media_check_async), which the WeChat
 * platform module implements and provides under CONTENT_SECURITY. Image verdicts arrive later
 * through WeChat's message push and are published as the `media_check_result` domain event.
 */
export type ContentVerdict = 'pass' | 'review' | 'risky';

/** WeChat's scene values: 1 profile, 2 comment, 3 forum, 4 social log. */
export type ContentScene = 1 | 2 | 3 | 4;

export interface TextVerdict {
  verdict: ContentVerdict;
  label?: number;
  traceId?: string;
}

export interface ContentSecurityPort {
  /**
   * Synchronous text check (msg_sec_check v2). `traceId`/`label` are WeChat's, kept with a held
   * text so an operator can look the verdict up; absent when WeChat could not be asked.
   */
  checkText(input: {
    openid: string;
    scene: ContentScene;
    content: string;
    title?: string;
    nickname?: string;
  }): Promise<TextVerdict>;

  /** Starts an asynchronous image check (media_check_async); the verdict comes as `media_check_result`. */
  submitImage(input: { openid: string; scene: ContentScene; url: string }): Promise<{ traceId: string }>;
}

export const CONTENT_SECURITY = Symbol('CONTENT_SECURITY');
