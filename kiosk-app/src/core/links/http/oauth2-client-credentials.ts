import { z } from 'zod';
import { request, type Dispatcher } from 'undici';
import { MalformedResponseError, RejectedRequestError } from './http-errors';
import { TransientError } from '../resilience/resilience-policy';

/**
 * OAuth 2.0 client credentials grant (RFC 6749 §4.4) as the provincial integration platforms
 * (LGSP/NDXP) use it: client id and secret in HTTP Basic (§2.3.1), form-encoded body, a bearer
 * token cached until shortly before `expires_in`. A full OAuth library brings discovery, PKCE and
 * user flows we do not use; this grant is one request, so it is written here and validated with zod.
 */
const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().refine((t) => t.toLowerCase() === 'bearer', 'token_type must be Bearer'),
  expires_in: z.coerce.number().int().positive().optional(),
});

/** Refresh this long before the server says the token expires, to absorb clock skew. */
const EXPIRY_MARGIN_MS = 30_000;
const DEFAULT_LIFETIME_S = 300;

export interface ClientCredentials {
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly scope?: string;
}

export class OAuth2ClientCredentials {
  private cached?: { token: string; expiresAt: number };

  constructor(
    private readonly credentials: ClientCredentials,
    private readonly dispatcher: Dispatcher,
    private readonly now: () => number = Date.now,
  ) {}

  async accessToken(signal: AbortSignal): Promise<string> {
    if (this.cached && this.cached.expiresAt > this.now()) return this.cached.token;
    const { tokenUrl, clientId, clientSecret, scope } = this.credentials;
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (scope) form.set('scope', scope);
    const basic = Buffer.from(
      `${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`,
    ).toString('base64');
    let response: Dispatcher.ResponseData;
    try {
      response = await request(tokenUrl, {
        method: 'POST',
        dispatcher: this.dispatcher,
        signal,
        headers: {
          authorization: `Basic ${basic}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: form.toString(),
      });
    } catch (error) {
      if (signal.aborted) throw error;
      throw new TransientError(
        'network',
        `token endpoint unreachable: ${(error as Error).message}`,
      );
    }
    const text = await response.body.text();
    if (response.statusCode >= 500 || response.statusCode === 429) {
      throw new TransientError('server-error', `token endpoint answered ${response.statusCode}`);
    }
    if (response.statusCode !== 200) {
      throw new RejectedRequestError(
        response.statusCode,
        `token endpoint refused the client credentials (${response.statusCode})`,
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new MalformedResponseError('token endpoint answered with malformed JSON');
    }
    const parsed = tokenResponseSchema.safeParse(json);
    if (!parsed.success)
      throw new MalformedResponseError('token endpoint answered without a bearer token');
    const lifetimeMs = (parsed.data.expires_in ?? DEFAULT_LIFETIME_S) * 1000;
    this.cached = {
      token: parsed.data.access_token,
      expiresAt: this.now() + Math.max(0, lifetimeMs - EXPIRY_MARGIN_MS),
    };
    return parsed.data.access_token;
  }

  /** Forget the token after the API rejected it (401), so the next attempt fetches a new one. */
  invalidate(): void {
    this.cached = undefined;
  }
}
