import { api } from './request';

/**
 * Order notices (subscribe messages). WeChat lets a mini-program ask only inside a tap, so pages
 * call this from the checkout/pay tap ('pay') and the after-sale submit ('aftersale'). The API
 * says which template ids to ask for, wx.requestSubscribeMessage shows the dialog, and the
 * shopper's answers go back to the API, which then sends one notice per "allow".
 * It never throws and never blocks the tap's real work: a notice is a courtesy.
 */
export async function askOrderSubscriptions(moment: 'pay' | 'aftersale'): Promise<void> {
  try {
    const { templateIds } = await api.get<{ templateIds: string[] }>('/wechat/subscriptions/templates', {
      query: { moment },
      toast: false,
      retries: 0,
    });
    if (!templateIds || templateIds.length === 0) return;
    const answers = await new Promise<Record<string, string> | null>((resolve) => {
      wx.requestSubscribeMessage({
        tmplIds: templateIds.slice(0, 3),
        success: (res) => resolve(res as unknown as Record<string, string>),
        fail: () => resolve(null),
      });
    });
    if (!answers) return;
    const results: Record<string, string> = {};
    for (const id of templateIds) {
      if (typeof answers[id] === 'string') results[id] = answers[id];
    }
    if (Object.values(results).includes('accept')) {
      await api.post('/wechat/subscriptions', { results }, { toast: false });
    }
  } catch {
    // the order flow goes on without notices
  }
}
