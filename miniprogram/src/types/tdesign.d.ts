/**
 * The two TDesign entry points our scripts import (components are only named in JSON). Declared
 * here, narrowed to what utils/feedback.ts uses, because the packed miniprogram_npm is generated
 * and excluded from typechecking, and node's resolution cannot see the npm package's
 * miniprogram_dist folder.
 */
declare module 'tdesign-miniprogram/toast/index' {
  export interface ToastOptions {
    context?: WechatMiniprogram.Page.TrivialInstance | WechatMiniprogram.Component.TrivialInstance;
    selector?: string;
    message?: string;
    duration?: number;
    theme?: 'loading' | 'success' | 'warning' | 'error';
    direction?: 'row' | 'column';
    preventScrollThrough?: boolean;
  }
  export default function Toast(options: ToastOptions): void;
  export function hideToast(options?: Pick<ToastOptions, 'context' | 'selector'>): void;
}

declare module 'tdesign-miniprogram/dialog/index' {
  interface ConfirmOptions {
    context?: WechatMiniprogram.Page.TrivialInstance | WechatMiniprogram.Component.TrivialInstance;
    selector?: string;
    title?: string;
    content?: string;
    confirmBtn?: string | object;
    cancelBtn?: string | object;
    closeOnOverlayClick?: boolean;
  }
  const Dialog: {
    /** resolves on 确定, rejects on cancel, close button or overlay */
    confirm(options: ConfirmOptions): Promise<unknown>;
  };
  export default Dialog;
}
