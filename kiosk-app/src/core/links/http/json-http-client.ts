import { Agent, request, type Dispatcher } from 'undici';
import { endpointConfigSchema, type EndpointConfig } from './endpoint-config';
import { MalformedResponseError, RejectedRequestError } from './http-errors';
import { OAuth2ClientCredentials } from './oauth2-client-credentials';
import { createResilience, TransientError, type Resilience } from '../resilience/resilience-policy';

/** Bodies larger than this are not a registry record or a dossier acknowledgement. */
export const MAX_RESPONSE_BYTES = 1024 * 1024;

export interface JsonResponse {
  readonly status: number;
  readonly body: unknown;
}

export interface JsonRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Non-2xx statuses the caller interprets itself (e.g. 404 for "no such dossier"). */
  readonly accept?: readonly number[];
}

/**
 * JSON over HTTP(S) to one configured endpoint, through the resilience policies, with OAuth2
 * client credentials or mutual TLS. Shared by the population registry and dossier gateway
 * adapters. Bodies are returned as `unknown`: each adapter validates them with zod.
 */
export class JsonHttpClient {
  private readonly baseUrl: URL;
  private readonly dispatcher: Agent;
  private readonly oauth?: OAuth2ClientCredentials;
  private readonly bearer?: string;

  constructor(
    config: EndpointConfig,
    readonly resilience: Resilience = createResilience(),
  ) {
    const parsed = endpointConfigSchema.parse(config);
    this.baseUrl = new URL(parsed.baseUrl.endsWith('/') ? parsed.baseUrl : `${parsed.baseUrl}/`);
    const auth = parsed.auth;
    this.dispatcher = new Agent(
      auth.kind === 'mtls'
        ? { connect: { cert: auth.cert, key: auth.key, ca: auth.ca, rejectUnauthorized: true } }
        : {},
    );
    if (auth.kind === 'oauth2') this.oauth = new OAuth2ClientCredentials(auth, this.dispatcher);
    if (auth.kind === 'bearer') this.bearer = auth.token;
  }

  send(req: JsonRequest): Promise<JsonResponse> {
    return this.resilience.run((signal) => this.attempt(req, signal));
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }

  private async attempt(req: JsonRequest, signal: AbortSignal): Promise<JsonResponse> {
    const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
    if (req.body !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
    if (this.oauth) headers.authorization = `Bearer ${await this.oauth.accessToken(signal)}`;
    else if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    let response: Dispatcher.ResponseData;
    try {
      response = await request(new URL(req.path.replace(/^\//, ''), this.baseUrl), {
        method: req.method,
        dispatcher: this.dispatcher,
        signal,
        headers,
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
      });
    } catch (error) {
      if (signal.aborted) throw error;
      throw new TransientError(
        'network',
        `${this.baseUrl.host} unreachable: ${(error as Error).message}`,
      );
    }
    const status = response.statusCode;
    const body = await readJson(response.body, signal);
    if (status >= 200 && status < 300) return { status, body };
    if (req.accept?.includes(status)) return { status, body };
    if (status === 401 && this.oauth) {
      this.oauth.invalidate();
      throw new TransientError('auth-expired', 'access token rejected; fetching a new one');
    }
    if (status === 408 || status === 429)
      throw new TransientError('throttled', `${this.baseUrl.host} answered ${status}`);
    if (status >= 500)
      throw new TransientError('server-error', `${this.baseUrl.host} answered ${status}`);
    throw new RejectedRequestError(
      status,
      `${this.baseUrl.host} refused the request (${status})`,
      body,
    );
  }
}

async function readJson(
  body: Dispatcher.ResponseData['body'],
  signal: AbortSignal,
): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      size += buf.length;
      if (size > MAX_RESPONSE_BYTES) {
        body.destroy();
        throw new MalformedResponseError(`response larger than ${MAX_RESPONSE_BYTES} bytes`);
      }
      chunks.push(buf);
    }
  } catch (error) {
    if (error instanceof MalformedResponseError || signal.aborted) throw error;
    throw new TransientError(
      'network',
      `connection dropped while reading the response: ${(error as Error).message}`,
    );
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new MalformedResponseError('response is not valid JSON');
  }
}
