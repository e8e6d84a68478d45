#!/usr/bin/env node
// `kiosk-sim <simulator> [options]`: starts one simulator of test-fixtures in the foreground.
import { register } from 'tsx/esm/api';

register();
const { runSimulator } = await import('../src/sim/run-simulator.ts');
process.exitCode = await runSimulator(process.argv.slice(2));
