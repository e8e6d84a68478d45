/**
 * Least-squares line `a + b·x` through the points; undefined for fewer than two points or when
 * they share one x.
 */
export function fitLine(
  points: ReadonlyArray<readonly [number, number]>,
): [number, number] | undefined {
  const m = points.length;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (const [x, y] of points) {
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
  }
  const den = m * sxx - sx * sx;
  if (m < 2 || Math.abs(den) < 1e-9) return undefined;
  const b = (m * sxy - sx * sy) / den;
  return [(sy - b * sx) / m, b];
}
