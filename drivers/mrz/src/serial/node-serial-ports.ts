import { access } from 'node:fs/promises';
import { SerialPort } from 'serialport';
import type { SerialLink, SerialPorts } from './serial-link';

/** `SerialPorts` over node-serialport; works for USB adapters, built-in UARTs and ptys alike. */
export const nodeSerialPorts: SerialPorts = {
  async exists(path) {
    try {
      await access(path);
      return true;
    } catch {
      return false;
    }
  },

  open(path, baudRate) {
    return new Promise<SerialLink>((resolve, reject) => {
      const port = new SerialPort({ path, baudRate, autoOpen: false });
      port.open((error) => {
        if (error) {
          reject(error);
          return;
        }
        resolve({
          onData: (listener) => port.on('data', (chunk: Buffer) => listener(chunk)),
          onClose: (listener) => {
            port.once('close', (err?: Error | null) => listener(err ?? undefined));
          },
          write: (data) =>
            new Promise<void>((res, rej) => {
              port.write(data, (err) => (err ? rej(err) : port.drain(() => res())));
            }),
          close: () =>
            new Promise<void>((res) => {
              if (!port.isOpen) return res();
              port.close(() => res());
            }),
        });
      });
    });
  },
};
