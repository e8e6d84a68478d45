import { connect } from 'node:net';

/**
 * Where libpcsclite looks for pcscd: PCSCLITE_CSOCK_NAME, else the compiled-in path
 * (pcsc-lite winscard_msg.c, getSocketName; Debian builds USE_IPCDIR=/run/pcscd).
 */
export function pcscdSocketPath(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.PCSCLITE_CSOCK_NAME;
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : '/run/pcscd/pcscd.comm';
}

/**
 * Whether pcscd accepts a connection on its socket. @pokusew/pcsclite 0.6 retries
 * SCardEstablishContext in a busy loop while pcscd is absent (pcsclite.cpp, PCSCLite::PCSCLite),
 * so no context is created until this says yes. A stale socket file left by a killed pcscd
 * refuses the connection, which is the case that matters.
 */
export function pcscdAnswers(socketPath: string = pcscdSocketPath()): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(socketPath);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      socket.destroy();
      resolve(false);
    });
  });
}
