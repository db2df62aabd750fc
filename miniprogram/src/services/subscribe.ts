/**
 * PLACEHOLDER with the agreed signature; the WeChat platform work (issue 21) provides the real
 * module (wx.requestSubscribeMessage with the templates the API lists). Never throws.
 */
export async function askOrderSubscriptions(moment: 'pay' | 'aftersale'): Promise<void> {
  void moment;
}
