/** Otsu's threshold of 8-bit grey values: the level that best splits ink from paper. */
export function otsuThreshold(values: ArrayLike<number>): number {
  const histogram = new Float64Array(256);
  for (let i = 0; i < values.length; i++)
    histogram[values[i] as number] = (histogram[values[i] as number] as number) + 1;
  const total = values.length;
  let sum = 0;
  for (let t = 0; t < 256; t++) sum += t * (histogram[t] as number);
  let sumB = 0;
  let wB = 0;
  let best = 127;
  let bestVar = -1;
  for (let t = 0; t < 256; t++) {
    wB += histogram[t] as number;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * (histogram[t] as number);
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const v = wB * wF * (mB - mF) * (mB - mF);
    if (v > bestVar) [best, bestVar] = [t, v];
  }
  return best;
}
