import { connect, type Socket } from 'node:net';

/**
 * The vsmartcard vpcd protocol, card side (vicc): we connect to the vpcd driver loaded by
 * pcscd; every message is a 2-byte big-endian length and a payload. A 1-byte payload is a
 * control code (0 power off, 1 power on, 2 reset, 4 get ATR, answered with the ATR); any
 * longer payload is a command APDU, answered with the response APDU.
 */
export const VPCD_POWER_OFF = 0;
export const VPCD_POWER_ON = 1;
export const VPCD_RESET = 2;
export const VPCD_GET_ATR = 4;

export interface VpcdHandler {
  atr(): Uint8Array;
  control(code: number): void;
  apdu(command: Uint8Array): Promise<Uint8Array>;
}

export class VpcdConnection {
  private buffer = Buffer.alloc(0);
  private queue: Promise<void> = Promise.resolve();
  private constructor(
    private readonly socket: Socket,
    private readonly handler: VpcdHandler,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
  }

  static open(host: string, port: number, handler: VpcdHandler): Promise<VpcdConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port });
      const onError = (e: Error): void =>
        reject(
          new Error(
            `cannot reach vpcd at ${host}:${port} (is pcscd running with vsmartcard-vpcd?): ${e.message}`,
          ),
        );
      socket.once('error', onError);
      socket.once('connect', () => {
        socket.off('error', onError);
        socket.on('error', () => undefined);
        resolve(new VpcdConnection(socket, handler));
      });
    });
  }

  get closed(): boolean {
    return this.socket.destroyed;
  }

  onClose(listener: () => void): void {
    this.socket.once('close', listener);
  }

  close(): Promise<void> {
    if (this.socket.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.destroy();
    });
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    while (this.buffer.length >= 2) {
      const length = this.buffer.readUInt16BE(0);
      if (this.buffer.length < 2 + length) return;
      const message = new Uint8Array(this.buffer.subarray(2, 2 + length));
      this.buffer = this.buffer.subarray(2 + length);
      // Keep answers in order even when the link model delays one of them.
      this.queue = this.queue.then(() => this.handle(message)).catch(() => undefined);
    }
  }

  private async handle(message: Uint8Array): Promise<void> {
    if (message.length === 1) {
      const code = message[0] ?? 0;
      if (code === VPCD_GET_ATR) this.send(this.handler.atr());
      else this.handler.control(code);
      return;
    }
    const response = await this.handler.apdu(message);
    this.send(response);
  }

  private send(payload: Uint8Array): void {
    if (this.socket.destroyed) return;
    const header = Buffer.alloc(2);
    header.writeUInt16BE(payload.length);
    this.socket.write(Buffer.concat([header, payload]));
  }
}
