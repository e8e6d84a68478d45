export * from './invalid-settings-error';
export * from './settings-schema';
export * from './settings-secrets';
export * from './settings-service';
