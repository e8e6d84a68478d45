import { dataKeyFromBytes, type DataKey } from './data-key';

/** Fixed, obviously fake keys for the unit tests (never a provisioned key). */
export function testKey(fill: number): DataKey {
  return dataKeyFromBytes(Buffer.alloc(32, fill));
}
