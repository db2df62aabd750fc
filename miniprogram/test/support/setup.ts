/**
 * Runs before every mini-program test file (jest setupFiles): the App/Page/getApp globals WeChat
 * provides (miniprogram-simulate knows only Component). The DOM pages render into comes with
 * the harness (dom.ts), so unit test files never make one.
 */
export {};

const g = globalThis as Record<string, unknown>;

type AnyFn = (...args: unknown[]) => unknown;
type Options = Record<string, unknown> & { data?: Record<string, unknown> };

let app: Options | null = null;

g.App = (options: Options) => {
  app = options;
  (options.onLaunch as AnyFn | undefined)?.call(options, {});
};
g.getApp = () => {
  if (!app) throw new Error('getApp() before App(): load src/app.ts first (MiniProgram.start does)');
  return app;
};

/**
 * Page() as WeChat's Component-based pages: functions become methods, `data` stays data, other
 * fields are copied onto the instance. Lifecycles (onLoad, onShow …) are ordinary methods here;
 * the harness calls them in WeChat's order.
 */
g.Page = (options: Options) => {
  const { data = {}, ...rest } = options;
  const methods: Record<string, AnyFn> = {};
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    if (typeof value === 'function') methods[key] = value as AnyFn;
    else fields[key] = value;
  }
  (g.Component as AnyFn)({
    data,
    methods,
    lifetimes: {
      created(this: Record<string, unknown>) {
        Object.assign(this, JSON.parse(JSON.stringify(fields)) as Record<string, unknown>);
      },
    },
  });
};

// Page tests boot the real API and wait on real HTTP; Jest's 5 s default is too tight on CI.
// the demo shop's seed renders its raster pictures with sharp: slow on a loaded 2-core machine
jest.setTimeout(120_000);
