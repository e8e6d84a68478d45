import { IdCardError } from '../errors';

/** ISO/IEC 9797-1 padding method 2: append 80, then 00 up to a multiple of the block size. */
export function pad(data: Uint8Array, blockSize = 8): Uint8Array {
  const length = (Math.floor(data.length / blockSize) + 1) * blockSize;
  const out = new Uint8Array(length);
  out.set(data);
  out[data.length] = 0x80;
  return out;
}

export function unpad(data: Uint8Array): Uint8Array {
  let i = data.length - 1;
  while (i >= 0 && data[i] === 0) i--;
  if (i < 0 || data[i] !== 0x80) throw new IdCardError('SM_PROTOCOL', 'bad ISO 9797-1 padding');
  return data.subarray(0, i);
}
