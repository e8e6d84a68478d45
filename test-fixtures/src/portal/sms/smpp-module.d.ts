/**
 * Types for the part of the `smpp` package (npm, farhadi/node-smpp, MIT; it ships no types and
 * there is no @types/smpp) that `smpp-transmitter.ts` uses. Kept to what the library does in
 * lib/smpp.js and lib/pdu.js of version 0.5.
 */
declare module 'smpp' {
  import type { EventEmitter } from 'node:events';

  export interface SmppPdu {
    readonly command: string;
    readonly command_status: number;
    readonly sequence_number: number;
    readonly system_id?: string;
    readonly message_id?: string;
  }

  export interface SubmitSmOptions {
    readonly source_addr_ton?: number;
    readonly source_addr_npi?: number;
    readonly source_addr: string;
    readonly dest_addr_ton?: number;
    readonly dest_addr_npi?: number;
    readonly destination_addr: string;
    readonly data_coding?: number;
    readonly registered_delivery?: number;
    readonly short_message: string;
  }

  export interface BindOptions {
    readonly system_id: string;
    readonly password: string;
    readonly system_type?: string;
    readonly interface_version?: number;
  }

  export class Session extends EventEmitter {
    bind_transmitter(options: BindOptions, callback: (pdu: SmppPdu) => void): boolean;
    submit_sm(options: SubmitSmOptions, callback: (pdu: SmppPdu) => void): boolean;
    enquire_link(callback?: (pdu: SmppPdu) => void): boolean;
    unbind(callback?: (pdu: SmppPdu) => void): boolean;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
    on(event: 'connect' | 'close', listener: () => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
  }

  /** A PDU built from fields; `toBuffer()` gives its bytes (lib/pdu.js). */
  export class PDU {
    constructor(command: string, options?: Readonly<Record<string, unknown>>);
    toBuffer(): Buffer;
  }

  export function connect(
    options: { readonly url: string; readonly auto_enquire_link_period?: number },
    listener?: () => void,
  ): Session;
}
