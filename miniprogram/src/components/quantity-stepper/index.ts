/** − value + ; emits `change` with {value} inside [min, max]. catchtap: a row's own tap never fires. */
Component({
  properties: {
    value: { type: Number, value: 1 },
    min: { type: Number, value: 1 },
    max: { type: Number, value: 999 },
    disabled: { type: Boolean, value: false },
  },
  methods: {
    step(delta: number) {
      const { value, min, max, disabled } = this.data;
      const next = Math.min(max, Math.max(min, value + delta));
      if (!disabled && next !== value) this.triggerEvent('change', { value: next });
    },
    onMinus() {
      this.step(-1);
    },
    onPlus() {
      this.step(1);
    },
  },
});
