/** A response that arrived but is not what the contract says (bad JSON, wrong shape). */
export class MalformedResponseError extends Error {
  override readonly name = 'MalformedResponseError';
  readonly code = 'LINK_MALFORMED_RESPONSE';
}

/** The service answered with a status that will not change on retry (4xx other than 401/408/429). */
export class RejectedRequestError extends Error {
  override readonly name = 'RejectedRequestError';
  readonly code = 'LINK_REJECTED';

  constructor(
    readonly status: number,
    message: string,
    readonly body?: unknown,
  ) {
    super(message);
  }
}
