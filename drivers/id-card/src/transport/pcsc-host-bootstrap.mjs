// Starts the PC/SC host from TypeScript source (kiosk serve and the tests run through tsx; a
// forked process does not inherit a loader registered in-process).
import { register } from 'tsx/esm/api';

register();
await import('./pcsc-host-entry.ts');
