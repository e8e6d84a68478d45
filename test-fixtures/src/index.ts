export {
  syntheticCitizen,
  syntheticCitizens,
  cccdExpiry,
  personalIdFor,
} from './citizens/synthetic-citizens';
export { seededRandom, pick } from './citizens/seeded-random';
