import { Logger } from '@nestjs/common';
import pino from 'pino';
import { PinoNestLogger } from './logger';
import { correlateWith, everyInterval, runAsJob, runForRequest } from './request-context';

interface Line {
  msg: string;
  context?: string;
  requestId?: string;
  correlationId?: string;
}

const lines: Line[] = [];
// the same wiring as the app: services' `new Logger(Name)` → PinoNestLogger → pino
Logger.overrideLogger(new PinoNestLogger(pino({ level: 'info' }, { write: (s: string) => lines.push(JSON.parse(s)) })));
const sweeper = new Logger('OrderSweeperService');
const service = new Logger('PaymentService');
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1));
const written = (msg: string): Line => {
  const line = lines.find((l) => l.msg === msg);
  if (!line) throw new Error(`no line "${msg}" among ${JSON.stringify(lines)}`);
  return line;
};

beforeEach(() => {
  lines.length = 0;
});

describe('log context', () => {
  it('gives a service’s lines the id of the request being served, across awaits and timers', async () => {
    service.log('at start-up');
    await runForRequest('req-1', async () => {
      service.warn('before any await');
      await tick();
      await new Promise<void>((resolve) =>
        setImmediate(() => {
          service.warn('in a callback');
          resolve();
        }),
      );
    });
    await runForRequest('req-2', async () => service.warn('another request'));
    expect(written('before any await')).toMatchObject({ requestId: 'req-1', context: 'PaymentService' });
    expect(written('in a callback').requestId).toBe('req-1');
    expect(written('another request').requestId).toBe('req-2');
    expect(written('at start-up')).not.toHaveProperty('requestId');
  });

  it('runs each pass of a sweeper under a correlation id of its own', async () => {
    let runs = 0;
    const timer = everyInterval('order-sweeper', 5, async () => {
      const run = ++runs;
      sweeper.log(`run ${run} starts`);
      await tick();
      sweeper.warn(`run ${run} ends`);
    });
    while (!lines.some((l) => l.msg === 'run 2 ends')) await tick();
    clearInterval(timer);
    const first = written('run 1 starts');
    expect(first.correlationId).toMatch(/^order-sweeper:[0-9a-f]{8}$/);
    expect(first).not.toHaveProperty('requestId');
    expect(written('run 1 ends').correlationId).toBe(first.correlationId);
    expect(written('run 2 starts').correlationId).toMatch(/^order-sweeper:[0-9a-f]{8}$/);
    expect(written('run 2 starts').correlationId).not.toBe(first.correlationId);
  });

  it('keeps the request’s id in a pass a request starts, and one run’s id in the passes that run starts', async () => {
    await runForRequest('req-3', () =>
      runAsJob('outbox:shipping-upload', async () => {
        sweeper.log('kicked by a request');
        await runAsJob('outbox:subscribe-message', async () => sweeper.log('kicked inside that pass'));
      }),
    );
    const kicked = written('kicked by a request');
    expect(kicked).toMatchObject({
      requestId: 'req-3',
      correlationId: expect.stringMatching(/^outbox:shipping-upload:/),
    });
    expect(written('kicked inside that pass')).toMatchObject({
      requestId: 'req-3',
      correlationId: kicked.correlationId,
    });
  });

  it('names what a request is about once it is known (a WeChat notification id)', async () => {
    await runForRequest('req-4', async () => {
      service.warn('before verification');
      correlateWith('wxpay-transaction:EV-1');
      await tick();
      service.warn('after verification');
    });
    correlateWith('outside any request: ignored');
    service.log('after the request');
    expect(written('before verification')).not.toHaveProperty('correlationId');
    expect(written('after verification')).toMatchObject({
      requestId: 'req-4',
      correlationId: 'wxpay-transaction:EV-1',
    });
    expect(written('after the request')).not.toHaveProperty('correlationId');
  });
});
