#!/usr/bin/env node
// The `kiosk` command. Sources are TypeScript run through tsx, so the same files serve the
// command line, the tests and the browser shell without a separate build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
