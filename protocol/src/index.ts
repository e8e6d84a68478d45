export * from './api-views';
export * from './fee-view';
export * from './journey-view';
export * from './kiosk-bridge';
export * from './message-fields';
export * from './message-registry';
export * from './pin-rule';
export * from './roles';
