/**
 * The mini-program suite runs in Jest's node environment, because the real API boots in the
 * same process and needs Node's globals. miniprogram-simulate only needs somewhere to render:
 * a jsdom window and document beside Node's globals. Imported first by the harness.
 */
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>');
const g = globalThis as Record<string, unknown>;
g.window = dom.window;
g.document = dom.window.document;
// j-component dispatches taps as `new CustomEvent(…)` on jsdom nodes, which take only jsdom's
// own event classes (Node 20 has a global CustomEvent of its own that jsdom refuses).
g.CustomEvent = dom.window.CustomEvent;
g.TouchEvent = dom.window.TouchEvent;
// WeChat's view layer has requestAnimationFrame (TDesign's tabs animate their underline with it)
const win = dom.window as unknown as { requestAnimationFrame?: unknown; cancelAnimationFrame?: unknown };
win.requestAnimationFrame ??= (cb: (t: number) => void) => setTimeout(() => cb(Date.now()), 16);
win.cancelAnimationFrame ??= (id: ReturnType<typeof setTimeout>) => clearTimeout(id);
