/**
 * The error of class `kind` that `fn` throws. Any other outcome (no error, another error) fails
 * the test that asked, so an assertion on the returned error's code or field cannot pass vacuously.
 */
export function thrownBy<E extends Error>(
  kind: abstract new (...args: never[]) => E,
  fn: () => unknown,
): E {
  try {
    fn();
  } catch (error) {
    if (error instanceof kind) return error;
    throw error;
  }
  throw new Error(`expected a ${kind.name}`);
}
