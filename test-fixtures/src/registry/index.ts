export {
  startRegistrySimulator,
  REGISTRY_LOOKUP_PATH,
  REGISTRY_TOKEN_PATH,
  type RegistryMode,
  type RegistrySimulator,
  type RegistrySimulatorOptions,
} from './registry-server';
export { citizenToWire, type SimulatedCardStatus } from './registry-wire';
export type { CommonMode } from './simulator-http';
