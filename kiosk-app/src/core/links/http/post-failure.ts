import { failureKind } from '../resilience/resilience-policy';
import { MalformedResponseError, RejectedRequestError } from './http-errors';

/** Why a POST to the portal did not land: for good (`rejected`) or for now (`unavailable`). */
export type PostFailure =
  /** Refused for good (the request does not follow the format): retrying will not help. */
  | { readonly kind: 'rejected'; readonly httpStatus: number; readonly message: string }
  /** Try again later: the portal is down, slow, or answered nonsense. */
  | { readonly kind: 'unavailable'; readonly reason: string; readonly message: string };

/** What an error thrown by the JSON client means for an outbox that posts to the portal. */
export function postFailureOf(error: unknown): PostFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof RejectedRequestError)
    return { kind: 'rejected', httpStatus: error.status, message };
  if (error instanceof MalformedResponseError)
    return { kind: 'unavailable', reason: 'malformed-response', message };
  return { kind: 'unavailable', reason: failureKind(error) ?? 'network', message };
}
