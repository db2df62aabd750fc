/**
 * The loading, empty and error faces every page shows in place of its content.
 * status: 'loading' | 'error' | 'empty' | 'ready' (renders nothing).
 */
Component({
  properties: {
    status: { type: String, value: 'loading' },
    message: { type: String, value: '' },
    emptyText: { type: String, value: '这里空空如也' },
    actionText: { type: String, value: '' },
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
