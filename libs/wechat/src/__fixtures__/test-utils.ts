import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Awaits a rejection and checks its class (a resolved promise fails the test). */
export async function rejection<E>(p: Promise<unknown>, type: new (...args: never[]) => E): Promise<E> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(type);
  return err as E;
}

/** A throwaway loopback server; `stop()` also drops keep-alive and hanging connections. */
export async function tinyServer(
  listener: RequestListener,
): Promise<{ url: string; server: Server; stop: () => void }> {
  const server = createServer(listener);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    server,
    stop: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}
