export * from './browser';
export { loadCatalogue, DEFAULT_PROCEDURES_DIR } from './catalogue';
export type { Catalogue } from './catalogue';
