type DialogModule = typeof import('tdesign-miniprogram/dialog/index');
type ToastModule = typeof import('tdesign-miniprogram/toast/index');

/**
 * Toasts and confirm dialogs, drawn by TDesign's t-toast / t-dialog so they look like the rest of
 * the shop. TDesign finds its node in a page (`<t-toast id="t-toast" />`, `<t-dialog
 * id="t-dialog" />`, declared in the page's json); callers without a page of their own (the
 * request layer, services, components) reach the page on top of the stack.
 */

export type ToastTheme = 'success' | 'warning' | 'error';

export interface ConfirmOptions {
  title?: string;
  content: string;
  confirmText?: string;
  cancelText?: string;
}

type Context = WechatMiniprogram.Page.TrivialInstance;

// Required when first needed, not imported: TDesign's shared utils read wx.getWindowInfo() while
// loading, and services/request.ts (which toasts) is also loaded where no wx exists yet.
function tdesignToast(): ToastModule['default'] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, see above
  return (require('tdesign-miniprogram/toast/index') as ToastModule).default;
}

function tdesignDialog(): DialogModule['default'] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, see above
  return (require('tdesign-miniprogram/dialog/index') as DialogModule).default;
}

/** The page on top of the stack, when there is one with the given TDesign node. */
function pageWith(selector: string): Context | null {
  // getCurrentPages is missing before the first page exists (and in plain unit tests)
  if (typeof getCurrentPages !== 'function') return null;
  const pages = getCurrentPages();
  const page = pages[pages.length - 1] as Context | undefined;
  if (!page || typeof page.selectComponent !== 'function') return null;
  return page.selectComponent(selector) ? page : null;
}

/** A short message for the shopper; without a theme it is plain text (no icon). */
export function toast(message: string, theme?: ToastTheme, duration = 2000): void {
  const page = pageWith('#t-toast');
  if (page) {
    tdesignToast()({ context: page, selector: '#t-toast', message, theme, duration });
    return;
  }
  // No page with a t-toast node (app launch, a page without feedback): WeChat's own toast still
  // tells the shopper, which beats a silent failure.
  wx.showToast({ title: message, icon: theme === 'success' ? 'success' : 'none', duration });
}

/**
 * A loading toast over a mask (taps on the page wait) until the returned function is called.
 * Closing it leaves a toast shown since then (an error, a success) alone.
 */
export function showLoading(message: string): () => void {
  const page = pageWith('#t-toast');
  if (!page) {
    // same fallback as toast()
    wx.showLoading({ title: message, mask: true });
    return () => wx.hideLoading();
  }
  tdesignToast()({
    context: page,
    selector: '#t-toast',
    message,
    theme: 'loading',
    direction: 'column',
    duration: 0,
    preventScrollThrough: true,
  });
  return () => {
    const node = page.selectComponent('#t-toast') as WechatMiniprogram.Component.TrivialInstance | null;
    const data = node?.data as { visible?: boolean; theme?: string; message?: string } | undefined;
    if (data?.visible && data.theme === 'loading' && data.message === message) {
      (node as unknown as { hide(): void }).hide();
    }
  };
}

/** A yes/no question; resolves true only on the confirm button. */
export function confirm({
  title = '提示',
  content,
  confirmText = '确定',
  cancelText = '取消',
}: ConfirmOptions): Promise<boolean> {
  const page = pageWith('#t-dialog');
  if (!page) {
    // Same fallback as toast(): a page without a t-dialog node still gets a question.
    return new Promise((resolve) =>
      wx.showModal({
        title,
        content,
        confirmText,
        cancelText,
        success: (res) => resolve(res.confirm),
        fail: () => resolve(false),
      }),
    );
  }
  return tdesignDialog()
    .confirm({
      context: page,
      selector: '#t-dialog',
      title,
      content,
      confirmBtn: confirmText,
      cancelBtn: cancelText,
    })
    .then(
      () => true,
      () => false,
    );
}
