import { formatFen } from '../../utils/money';

/** Money on screen: fen in, "¥12.90" out, through the one formatter. */
Component({
  properties: {
    fen: { type: Number, value: 0 },
    /** upper end of a range ("¥99.00 - 129.00"); 0 or equal to fen for a single price */
    upTo: { type: Number, value: 0 },
    /** crossed-out original price (lower end of its range); 0 for none */
    original: { type: Number, value: 0 },
    /** upper end of the original price range, against a price range; 0 for a single original */
    originalUpTo: { type: Number, value: 0 },
    size: { type: String, value: 'md' },
  },
  data: { text: formatFen(0), upperText: '', originalText: '', originalUpperText: '' },
  observers: {
    'fen, upTo, original, originalUpTo'() {
      this.format();
    },
  },
  lifetimes: {
    // whether observers fire for the initial property values depends on the base library
    attached() {
      this.format();
    },
  },
  methods: {
    format() {
      const { fen, upTo, original, originalUpTo } = this.data;
      const shown = original > fen || originalUpTo > Math.max(upTo, fen);
      this.setData({
        text: formatFen(fen),
        upperText: upTo > fen ? formatFen(upTo) : '',
        originalText: shown ? formatFen(original) : '',
        originalUpperText: shown && originalUpTo > original ? formatFen(originalUpTo) : '',
      });
    },
  },
});
