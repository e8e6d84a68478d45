import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { ClientCommand, ServerMessage } from '@kiosk/protocol';
import { parseKioskConfig } from '../src/core/config/kiosk-config';
import { startKioskCore, type RunningCore } from '../src/core/kiosk-core';
import { createLogger } from '../src/core/log/logger';
import { createDemoPorts, type DemoPorts } from '../src/demo/demo-ports';

export interface CoreUnderTest {
  readonly core: RunningCore;
  readonly ports: DemoPorts;
  readonly logLines: string[];
  readonly dataDir: string;
}

/** The real core, in-process, wired to the demo stand-ins, with its log captured. */
export async function startCoreUnderTest(
  overrides: Record<string, unknown> = {},
): Promise<CoreUnderTest> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-core-'));
  const logLines: string[] = [];
  const config = parseKioskConfig({ dataDir, port: 0, ...overrides });
  const ports = createDemoPorts(dataDir);
  const core = await startKioskCore({
    config,
    ports,
    logger: createLogger((line) => logLines.push(line)),
  });
  return { core, ports, logLines, dataDir };
}

/** A WebSocket client speaking the protocol, recording everything the core sends. */
export class TestClient {
  readonly received: ServerMessage[] = [];
  private nextId = 1;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => this.received.push(JSON.parse(String(data)) as ServerMessage));
  }

  static async connect(
    core: Pick<RunningCore, 'url' | 'token'>,
    token = core.token,
    headers: Record<string, string> = {},
  ): Promise<TestClient> {
    const url = `${core.url.replace('http', 'ws')}/api?token=${encodeURIComponent(token)}`;
    // The core refuses an upgrade without an Origin; a script presents the page's own.
    const socket = new WebSocket(url, { headers: { Origin: core.url, ...headers } });
    // Listen before 'open': the core's first frames can arrive in the same packet as the upgrade.
    const client = new TestClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
      socket.once('unexpected-response', (_req, res) =>
        reject(new Error(`HTTP ${res.statusCode}`)),
      );
    });
    return client;
  }

  /**
   * Opens a socket with `token` and resolves with how the core ended it: the close code after
   * an accepted upgrade (4401 for a token this core did not issue), or the refused upgrade's
   * HTTP status; `frames` counts what the core sent before, which must be nothing.
   */
  static async refusal(
    core: Pick<RunningCore, 'url'>,
    token: string,
  ): Promise<{ closeCode?: number; httpStatus?: number; frames: number }> {
    const url = `${core.url.replace('http', 'ws')}/api?token=${encodeURIComponent(token)}`;
    const socket = new WebSocket(url, { headers: { Origin: core.url } });
    let frames = 0;
    socket.on('message', () => frames++);
    return new Promise((resolve, reject) => {
      socket.once('close', (code) => resolve({ closeCode: code, frames }));
      socket.once('unexpected-response', (_req, res) => {
        resolve({ httpStatus: res.statusCode, frames });
        socket.terminate();
      });
      socket.once('error', (error) => {
        if (!error.message.includes('Unexpected server response')) reject(error);
      });
    });
  }

  sendRaw(text: string): void {
    this.socket.send(text);
  }

  /** Sends a command and resolves with its reply. */
  async request(
    command: ClientCommand | Record<string, unknown>,
  ): Promise<Extract<ServerMessage, { type: 'reply' }>> {
    const id = this.nextId++;
    this.socket.send(JSON.stringify({ ...command, id }));
    return this.waitFor(
      (m): m is Extract<ServerMessage, { type: 'reply' }> => m.type === 'reply' && m.id === id,
    );
  }

  /** Resolves with the first message (already received or future) that matches. */
  waitFor<T extends ServerMessage>(
    match: (m: ServerMessage) => m is T,
    timeoutMs = 10_000,
  ): Promise<T> {
    const found = this.received.find(match);
    if (found) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.socket.off('message', onMessage);
        reject(new Error('timed out waiting for a message'));
      }, timeoutMs);
      const onMessage = (data: WebSocket.RawData) => {
        const message = JSON.parse(String(data)) as ServerMessage;
        if (match(message)) {
          clearTimeout(timer);
          this.socket.off('message', onMessage);
          resolve(message);
        }
      };
      this.socket.on('message', onMessage);
    });
  }

  /** Waits for a journey view on the given step. */
  async step(step: string): Promise<Extract<ServerMessage, { type: 'journey' }>> {
    this.received.length = 0;
    return this.waitFor(
      (m): m is Extract<ServerMessage, { type: 'journey' }> =>
        m.type === 'journey' && m.view.step === step,
    );
  }

  close(): void {
    this.socket.close();
  }
}
