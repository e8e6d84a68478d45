export { redactRatingComment, REDACTED } from './rating-comment-redaction';
export {
  LEVEL_CODES,
  ratingToWire,
  type RatingWire,
  type SatisfactionRating,
} from './satisfaction-rating';
export {
  DEFAULT_RATING_PATH,
  HttpRatingGateway,
  interpretRatingAck,
  type RatingGateway,
  type RatingSubmitResult,
} from './rating-gateway';
