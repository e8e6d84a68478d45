/** The API's port on 127.0.0.1 is taken (another core, or another program): the start stops. */
export class ApiPortInUseError extends Error {
  readonly code = 'API_PORT_IN_USE';
  constructor(readonly port: number) {
    super(
      `port ${port} on 127.0.0.1 is already in use (another kiosk core or another program); ` +
        'stop it, or start this core with another --port',
    );
    this.name = 'ApiPortInUseError';
  }
}

/** Node's listen error for a taken address, as a typed value; anything else unchanged. */
export function listenFailure(error: unknown, port: number): unknown {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
    ? new ApiPortInUseError(port)
    : error;
}
