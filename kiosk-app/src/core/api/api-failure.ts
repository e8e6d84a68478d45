import type { ApiError } from '@kiosk/protocol';

/** A refusal the API sends back as `{ ok: false, error }`; anything else is INTERNAL. */
export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

export const fail = (code: ApiError['code'], message: string): never => {
  throw new ApiFailure({ code, message });
};
