import type { ApduSender } from '../apdu/card-channel';
import type { CommandApdu } from '../apdu/command-apdu';
import type { ResponseApdu } from '../apdu/response-apdu';
import { IdCardError } from '../errors';
import type { SecureMessaging } from './secure-messaging';
import { INS } from '../apdu/instruction';

/** Status words a card (or reader) returns in plain when it cannot take an extended APDU. */
const LENGTH_REFUSALS = new Set([0x6700, 0x6c00, 0x6f00]);

/**
 * An ApduSender whose commands are protected with secure messaging. When the card answers a
 * protected extended-length command with a plain "wrong length", it never processed it (the
 * SSC did not move on its side), so we rewind ours and report LENGTH_REFUSED to let the
 * caller fall back to short APDUs.
 */
export class SecureChannel implements ApduSender {
  constructor(
    private readonly inner: ApduSender,
    readonly sm: SecureMessaging,
  ) {}

  async send(apdu: CommandApdu): Promise<ResponseApdu> {
    const before = this.sm.ssc;
    const wrapped = this.sm.protect(apdu);
    const response = await this.inner.send(wrapped);
    if (
      response.data.length === 0 &&
      (LENGTH_REFUSALS.has(response.sw) || (response.sw & 0xff00) === 0x6c00) &&
      (wrapped.ne ?? 0) > 256
    ) {
      this.sm.restore(before);
      throw new IdCardError('APDU_STATUS', 'the card refused an extended-length APDU', {
        sw: response.sw,
      });
    }
    return this.sm.unprotect(response, commandName(apdu));
  }
}

function commandName(apdu: CommandApdu): string {
  switch (apdu.ins) {
    case INS.SELECT:
      return 'SELECT';
    case INS.READ_BINARY:
    case INS.READ_BINARY_ODD:
      return 'READ BINARY';
    default:
      return `INS ${apdu.ins.toString(16).toUpperCase()}`;
  }
}
