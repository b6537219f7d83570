import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { Frame } from './frames.js';

/** A server that writes the bytes under test straight to each new socket, as the host does. */
let server: Server;
let bytesToWrite: Buffer;
beforeAll(async () => {
  const wss = new WebSocketServer({ noServer: true });
  server = createServer();
  server.on('upgrade', (request, socket, head) =>
    wss.handleUpgrade(request, socket, head, () => socket.write(bytesToWrite)),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** What a WebSocket client reads from these bytes: `count` messages, text or binary. */
function receivedAll(bytes: Buffer, count: number): Promise<{ text: string; binary: boolean }[]> {
  bytesToWrite = bytes;
  const { port } = server.address() as AddressInfo;
  const client = new WebSocket(`ws://127.0.0.1:${port}`);
  const messages: { text: string; binary: boolean }[] = [];
  return new Promise((resolve, reject) => {
    client.on('message', (data: Buffer, binary: boolean) => {
      messages.push({ text: data.toString(), binary });
      if (messages.length < count) return;
      client.terminate();
      resolve(messages);
    });
    client.on('error', reject);
    client.on('close', (code) => reject(new Error(`closed with ${code} after ${messages.length}`)));
  });
}
const received = async (bytes: Buffer) => (await receivedAll(bytes, 1))[0];

describe('text frames', () => {
  // Each length form of the header (7-bit, 16-bit, 64-bit) at its edges, and multi-byte text.
  const cases = [
    ['empty', ''],
    ['125 bytes', 'a'.repeat(125)],
    ['126 bytes', 'b'.repeat(126)],
    ['65,535 bytes', 'c'.repeat(65_535)],
    ['65,536 bytes', 'd'.repeat(65_536)],
    ['UTF-8 longer than its characters', 'Grüße 👋 '.repeat(40)],
  ];
  it.each(cases)('are read back whole by a WebSocket client: %s', async (_name, text) => {
    const frame = Frame.text(text);
    expect(await received(frame.bytes)).toEqual({ text, binary: false });
    expect(frame.text).toBe(text);
  });

  it('are one buffer, header and message together, the same bytes for every socket', () => {
    const message = JSON.stringify({ type: 'patch', seq: 3 });
    const frame = Frame.text(message);
    expect(frame.bytes.length).toBe(2 + Buffer.byteLength(message));
    expect(frame.bytes[0]).toBe(0x81); // FIN, text; unmasked as server frames are
    expect(frame.bytes[1]).toBe(Buffer.byteLength(message));
  });

  it('joined for one write are read as the messages they were, in order', async () => {
    const patch = Frame.text(JSON.stringify({ type: 'patch', seq: 9, pad: 'p'.repeat(300) }));
    const acks = ['{"type":"ack","id":"a1"}', '{"type":"ack","id":"ä2"}'];
    const bytes = Frame.join([...acks, patch]);
    expect(await receivedAll(bytes, 3)).toEqual(
      [...acks, patch.text].map((text) => ({ text, binary: false })),
    );
    // A frame alone is written as it is: every socket shares its bytes.
    expect(Frame.join([patch])).toBe(patch.bytes);
  });
});
