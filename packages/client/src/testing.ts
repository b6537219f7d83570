/** Test helpers for the client: wait on a store, cut connections, withhold messages. */
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { ReadableAtom } from 'nanostores';
import WebSocket from 'ws';

/** Resolves when the store's value passes `test`; rejects after `ms` with what it last saw. */
export function until<T>(store: ReadableAtom<T>, test: (value: T) => boolean, ms = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    let unsubscribe = () => {};
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`Timed out; last value: ${JSON.stringify(store.get())?.slice(0, 500)}`));
    }, ms);
    unsubscribe = store.subscribe((value) => {
      if (!test(value)) return;
      clearTimeout(timer);
      queueMicrotask(() => unsubscribe());
      resolve(value);
    });
  });
}

/** A TCP proxy in front of the server: `cut()` drops every connection, as a flaky network would. */
export async function startProxy(
  target: string,
): Promise<{ url: string; cut(): void; close(): Promise<void> }> {
  const { hostname, port } = new URL(target);
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(port), hostname);
    open.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    cut: () => open.forEach((socket) => socket.destroy()),
    close: () => {
      open.forEach((socket) => socket.destroy());
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A WebSocket class that counts instances and can swallow incoming messages that match. */
export function instrumentedWebSocket() {
  const control = { opened: 0, withhold: (_data: string) => false };
  class Instrumented extends WebSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      control.opened++;
    }
    // ws delivers every incoming message through emit('message'), whoever listens.
    override emit(event: string | symbol, ...args: unknown[]): boolean {
      if (event === 'message' && control.withhold(String(args[0]))) return false;
      return super.emit(event, ...args);
    }
  }
  return { WebSocket: Instrumented, control };
}
