export * from './journey-view';
export * from './messages';
