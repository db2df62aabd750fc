/** Footer of an infinitely scrolling list. status: 'idle' | 'loading' | 'done' | 'error'. */
Component({
  properties: {
    status: { type: String, value: 'idle' },
  },
  methods: {
    onRetry() {
      this.triggerEvent('retry');
    },
  },
});
