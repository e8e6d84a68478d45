import { z } from 'zod';
import type { JsonHttpClient } from '../links/http/json-http-client';
import { postFailureOf } from '../links/http/post-failure';
import { ratingToWire, type SatisfactionRating } from './satisfaction-rating';

export const DEFAULT_RATING_PATH = 'api/danh-gia';

export type RatingSubmitResult =
  | { readonly kind: 'accepted'; readonly duplicate: boolean }
  /** Refused for good (the rating does not follow the format): retrying will not help. */
  | { readonly kind: 'rejected'; readonly httpStatus: number; readonly message: string }
  /** Try again later: the portal is down, or does not know the dossier yet. */
  | { readonly kind: 'unavailable'; readonly reason: string; readonly message: string };

/** Where ratings go: the one-stop system deduplicates by `idempotencyKey`. */
export interface RatingGateway {
  submit(rating: SatisfactionRating, idempotencyKey: string): Promise<RatingSubmitResult>;
}

const ratingAckSchema = z.object({ MaHoSo: z.string().min(1), TrungLap: z.boolean().optional() });

/** Interprets the portal's acknowledgement of a rating; never throws. */
export function interpretRatingAck(body: unknown, code: string): RatingSubmitResult {
  const parsed = ratingAckSchema.safeParse(body);
  if (!parsed.success || parsed.data.MaHoSo !== code)
    return {
      kind: 'unavailable',
      reason: 'malformed-response',
      message: 'the rating acknowledgement does not follow the format',
    };
  return { kind: 'accepted', duplicate: parsed.data.TrungLap === true };
}

/** Ratings over HTTP to the one-stop portal, on the same client as the dossiers. */
export class HttpRatingGateway implements RatingGateway {
  constructor(
    private readonly client: JsonHttpClient,
    private readonly path: string = DEFAULT_RATING_PATH,
  ) {}

  async submit(rating: SatisfactionRating, idempotencyKey: string): Promise<RatingSubmitResult> {
    try {
      const response = await this.client.send({
        method: 'POST',
        path: this.path,
        headers: { 'idempotency-key': idempotencyKey },
        body: ratingToWire(rating),
        // 404: the dossier has not reached the portal yet; the rating waits for it.
        accept: [404],
      });
      if (response.status === 404)
        return {
          kind: 'unavailable',
          reason: 'dossier-unknown',
          message: 'the portal does not know the dossier yet',
        };
      return interpretRatingAck(response.body, rating.dossierCode);
    } catch (error) {
      return postFailureOf(error);
    }
  }
}
