/**
 * The faces every page shows in place of its content: a skeleton of the page while it loads,
 * an empty state and an error state (TDesign Empty with a retry button).
 * status: 'loading' | 'error' | 'empty' | 'ready' (renders nothing).
 * skeleton: the outline of what is coming: 'grid' (banner + product grid), 'list' (rows with
 * a thumbnail), 'detail' (a large image and paragraphs), 'cells' (plain rows).
 */
const row = (width: string, height = '32rpx') => ({ width, height, borderRadius: '8rpx' });

Component({
  properties: {
    status: { type: String, value: 'loading' },
    skeleton: { type: String, value: 'list' },
    message: { type: String, value: '' },
    emptyText: { type: String, value: '这里空空如也' },
    emptyIcon: { type: String, value: 'info-circle' },
    actionText: { type: String, value: '' },
  },
  data: {
    banner: [[{ width: '702rpx', height: '300rpx', borderRadius: '16rpx' }]],
    card: [[{ width: '339rpx', height: '339rpx', borderRadius: '16rpx' }], [row('300rpx')], [row('160rpx')]],
    listRow: [
      [
        { width: '160rpx', height: '160rpx', borderRadius: '12rpx' },
        { type: 'text', width: '480rpx' },
      ],
    ],
    paragraph: [[row('100%', '750rpx')], [row('60%', '48rpx')], [row('90%')], [row('80%')], [row('40%')]],
    cell: [[row('100%', '88rpx')]],
    four: [1, 2, 3, 4],
  },
  methods: {
    onRetry() {
      this.triggerEvent('retry');
    },
    onAction() {
      this.triggerEvent('action');
    },
  },
});
