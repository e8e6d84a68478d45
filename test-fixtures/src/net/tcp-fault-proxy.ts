import { createServer, Socket, type Server } from 'node:net';

export interface TcpFaultProxyOptions {
  /** Where connections are forwarded (a simulator's port). */
  readonly target: { readonly host: string; readonly port: number };
  /** Interface to listen on (default loopback). */
  readonly host?: string;
}

/** What happens to the link once the armed number of client → target bytes has been forwarded. */
export type LinkFault = 'cut' | 'stall';

/**
 * A TCP proxy in front of a simulator that breaks the link on cue, for fault tests: it forwards
 * both ways until a fault is armed, then forwards exactly N more bytes from the client and
 *
 * - `cut`: destroys both sides of every open connection (a pulled cable, a switch reboot), or
 * - `stall`: stops forwarding in both directions and stops reading, the sockets staying open (a
 *   printer whose buffer is full, a dead peer whose TCP state survives).
 *
 * A fault is spent once triggered: later connections are forwarded normally, so a test can
 * check how the client recovers. `cutNow()` drops every connection at once.
 *
 * @example
 * const proxy = await startTcpFaultProxy({ target: { host: '127.0.0.1', port: vp.port } });
 * proxy.cutAfter(100); // print to tcp://127.0.0.1:${proxy.port}
 * await proxy.triggered; // the link is down
 */
export interface TcpFaultProxy {
  readonly port: number;
  /** Client → target bytes forwarded so far, over all connections. */
  readonly forwarded: number;
  /** Connections accepted so far. */
  readonly connections: number;
  /** Cut every open connection after `n` more client → target bytes. */
  cutAfter(n: number): void;
  /** Stop every open connection after `n` more client → target bytes. */
  stallAfter(n: number): void;
  /** Destroys every open connection now. */
  cutNow(): void;
  /** Resolves when the armed fault has been triggered (the last armed one). */
  readonly triggered: Promise<LinkFault>;
  /** Stops listening and destroys every connection. */
  close(): Promise<void>;
}

interface Link {
  readonly client: Socket;
  readonly upstream: Socket;
  stalled: boolean;
}

export async function startTcpFaultProxy(options: TcpFaultProxyOptions): Promise<TcpFaultProxy> {
  const links = new Set<Link>();
  let forwarded = 0;
  let connections = 0;
  let armed: { fault: LinkFault; remaining: number } | undefined;
  let fire: (fault: LinkFault) => void = () => undefined;
  let triggered = new Promise<LinkFault>((resolve) => (fire = resolve));

  const destroy = (link: Link): void => {
    links.delete(link);
    link.client.destroy();
    link.upstream.destroy();
  };

  const trigger = (fault: LinkFault): void => {
    for (const link of [...links]) {
      if (fault === 'cut') destroy(link);
      else {
        link.stalled = true;
        link.client.pause();
        link.upstream.pause();
      }
    }
    fire(fault);
  };

  const server: Server = createServer((client) => {
    connections += 1;
    client.pause();
    const upstream = new Socket();
    const link: Link = { client, upstream, stalled: false };
    links.add(link);
    client.on('error', () => undefined);
    upstream.on('error', () => undefined);
    client.on('close', () => destroy(link));
    upstream.on('close', () => destroy(link));
    upstream.connect(options.target.port, options.target.host, () => client.resume());
    upstream.on('data', (chunk: Buffer) => {
      if (!link.stalled) client.write(chunk);
    });
    client.on('data', (chunk: Buffer) => {
      if (link.stalled) return;
      const fault = armed;
      if (!fault || chunk.length < fault.remaining) {
        if (fault) fault.remaining -= chunk.length;
        forwarded += chunk.length;
        upstream.write(chunk);
        return;
      }
      armed = undefined;
      if (fault.fault === 'stall') link.stalled = true;
      const head = chunk.subarray(0, fault.remaining);
      forwarded += head.length;
      // The last bytes reach the target before the link breaks.
      if (head.length > 0) upstream.write(head, () => trigger(fault.fault));
      else trigger(fault.fault);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  const arm = (fault: LinkFault, n: number): void => {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`byte count ${n} is not a count`);
    triggered = new Promise<LinkFault>((resolve) => (fire = resolve));
    armed = { fault, remaining: n };
  };

  return {
    port,
    get forwarded() {
      return forwarded;
    },
    get connections() {
      return connections;
    },
    cutAfter: (n) => arm('cut', n),
    stallAfter: (n) => arm('stall', n),
    cutNow: () => {
      for (const link of [...links]) destroy(link);
    },
    get triggered() {
      return triggered;
    },
    async close() {
      for (const link of [...links]) destroy(link);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
