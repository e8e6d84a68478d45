export * from './journey-view';
export * from './messages';
export * from './kiosk-bridge';
export * from './pin-rule';
