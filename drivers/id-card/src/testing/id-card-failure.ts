import { IdCardError } from '../errors';

/** The IdCardError `fn` throws; any other outcome fails the test that asked. */
export function idCardFailure(fn: () => unknown): IdCardError {
  try {
    fn();
  } catch (error) {
    if (error instanceof IdCardError) return error;
    throw error;
  }
  throw new Error('expected an IdCardError');
}

/** The IdCardError `promise` rejects with; any other outcome fails the test that asked. */
export async function idCardRejection(promise: Promise<unknown>): Promise<IdCardError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof IdCardError) return error;
    throw error;
  }
  throw new Error('expected an IdCardError');
}
