/**
 * WebSocket text frames (RFC 6455 §5.2), built here and written to the socket in one write.
 * `ws` frames every send itself: a header buffer, then a two-buffer `writev`, and a string is
 * encoded first. A tick sends the same bytes to thousands of sockets, so it is framed once
 * (ws's maintainers made `Sender.frame` public for this kind of broadcast, ws#1016), and an
 * ack is encoded straight into its frame. Server frames are never masked.
 */

/** FIN and the text opcode: every message here is one whole text frame. */
const finText = 0x81;

/** A whole text frame: what goes on the wire, the same bytes for every socket it is sent to. */
export class Frame {
  private constructor(readonly bytes: Buffer) {}

  /** Frames a message, encoded as UTF-8 into the frame's own buffer (no copy in between). */
  static text(message: string): Frame {
    return new Frame(Frame.join([message]));
  }

  /**
   * The bytes of these messages, one frame each, for one write: a frame alone as it is,
   * otherwise one buffer with the text encoded straight into it.
   */
  static join(messages: readonly (string | Frame)[]): Buffer {
    if (messages.length === 1 && messages[0] instanceof Frame) return messages[0].bytes;
    // Plain loops: this runs once per socket of a full room in every tick.
    let size = 0;
    for (const message of messages) {
      if (message instanceof Frame) size += message.bytes.length;
      else {
        const length = Buffer.byteLength(message);
        size += headerLength(length) + length;
      }
    }
    const bytes = Buffer.allocUnsafe(size);
    let offset = 0;
    for (const message of messages) {
      if (message instanceof Frame) {
        offset += message.bytes.copy(bytes, offset);
        continue;
      }
      // The length again rather than an array of them: measuring a short string is cheap.
      offset = writeHeader(bytes, offset, Buffer.byteLength(message));
      offset += bytes.write(message, offset, 'utf8');
    }
    return bytes;
  }

  /** The message inside (for tests and in-memory connections). */
  get text(): string {
    const length = this.bytes[1]! & 0x7f;
    const header = length < 126 ? 2 : length === 126 ? 4 : 10;
    return this.bytes.toString('utf8', header);
  }
}

function headerLength(payload: number): number {
  return payload < 126 ? 2 : payload < 0x10000 ? 4 : 10;
}

/** Writes a frame's header at `at`; returns where its payload starts. */
function writeHeader(bytes: Buffer, at: number, payload: number): number {
  bytes[at] = finText;
  if (payload < 126) {
    bytes[at + 1] = payload;
    return at + 2;
  }
  if (payload < 0x10000) {
    bytes[at + 1] = 126;
    return bytes.writeUInt16BE(payload, at + 2);
  }
  bytes[at + 1] = 127;
  bytes.writeUInt32BE(Math.floor(payload / 0x1_0000_0000), at + 2);
  return bytes.writeUInt32BE(payload >>> 0, at + 6);
}
