// Preloaded into an API process (`node -r …/capture-sandbox.cjs dist/apps/api/src/main.js`) so the
// secrets check knows the keys the in-process WeChat sandbox generated at start: it wraps
// startWechatSandbox and writes the credentials to RESILIENCE_SANDBOX_DUMP (mode 0600), never to
// stdout. The keys are throwaway sandbox keys; main.js itself runs unchanged.
const Module = require('node:module');
const { writeFileSync } = require('node:fs');

const target = /libs[\\/]wechat-sandbox[\\/]src(?:[\\/]index(?:\.js)?)?$/;
const originalLoad = Module._load;
const wrapped = new WeakMap();

Module._load = function load(request, parent, isMain) {
  const exports = originalLoad.call(this, request, parent, isMain);
  if (!target.test(request) || !exports || typeof exports.startWechatSandbox !== 'function') return exports;
  if (wrapped.has(exports)) return wrapped.get(exports);
  const proxy = new Proxy(exports, {
    get(obj, key) {
      if (key !== 'startWechatSandbox') return obj[key];
      return async (...args) => {
        const sandbox = await obj.startWechatSandbox(...args);
        const file = process.env.RESILIENCE_SANDBOX_DUMP;
        if (file)
          writeFileSync(file, JSON.stringify({ url: sandbox.url, credentials: sandbox.credentials }), { mode: 0o600 });
        return sandbox;
      };
    },
  });
  wrapped.set(exports, proxy);
  return proxy;
};
