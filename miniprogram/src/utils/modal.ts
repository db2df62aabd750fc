/** wx.showModal as a yes/no promise. */
export function confirmModal(content: string, confirmText = '确定'): Promise<boolean> {
  return new Promise((resolve) =>
    wx.showModal({
      title: '提示',
      content,
      confirmText,
      confirmColor: '#e4393c',
      success: (res) => resolve(res.confirm),
      fail: () => resolve(false),
    }),
  );
}
