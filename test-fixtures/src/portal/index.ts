export {
  startPortalSimulator,
  AUTOMATIC_OFFICER,
  type ElectronicAcceptance,
  PORTAL_COUNT_PATH,
  PORTAL_DOSSIER_PATH,
  type PortalMode,
  type PortalSimulator,
  type PortalSimulatorOptions,
} from './portal-server';
export { PORTAL_STATUS, statusAt, type PortalStatus } from './portal-statuses';
export type { PortalCounts } from './portal-store';
export { OFFICER_PATH, officerPage } from './portal-officer';
export {
  PORTAL_RATING_LEVELS,
  PORTAL_RATING_PATH,
  PORTAL_RATINGS_PATH,
  type StoredRating,
} from './portal-ratings';
export { dossierHistory, feeOf, SUBMITTED_CODE } from './portal-status-history';
