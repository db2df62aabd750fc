// preload: counts promises created (PROMISE async resources) in the process; SIGUSR2 appends the count to $PROMISE_COUNT_FILE
const ah = require('node:async_hooks');
const fs = require('node:fs');
let n = 0;
ah.createHook({
  init(_id, type) {
    if (type === 'PROMISE') n++;
  },
}).enable();
process.on('SIGUSR2', () => fs.appendFileSync(process.env.PROMISE_COUNT_FILE, `${n}\n`));
