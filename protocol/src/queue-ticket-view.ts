/**
 * Counter queue numbers (issue 18): the centre's queue system calls citizens to the counters of
 * a field (lĩnh vực) by number. A number comes from that system, or from the kiosk's own
 * sequence while the system is down (`source: 'kiosk'`, prefix `K<kiosk number>-`, which the
 * system's numbers never carry).
 */
export interface QueueTicketView {
  /** As called at the counter: `HT0012` from the queue system, `K1-HT007` from the kiosk. */
  readonly number: string;
  /** The counter group's code (the queue system's service code), e.g. `HT`. */
  readonly group: string;
  /** The counter group as the citizen reads it, e.g. "Hộ tịch". */
  readonly groupName: string;
  /** Where its counters are, when the centre says ("Quầy 3, 4"). */
  readonly counters?: string;
  /** ISO 8601 with the Vietnamese offset. */
  readonly issuedAt: string;
  readonly source: 'queue-system' | 'kiosk';
  /** People ahead in this group, when the queue system says. */
  readonly waiting?: number;
}

/** A counter group the citizen can take a number for ("Lấy số thứ tự"). */
export interface CounterGroupView {
  readonly code: string;
  readonly name: string;
  readonly counters?: string;
  /** The fields (lĩnh vực) its counters receive, as the catalogue names them. */
  readonly sectors: readonly string[];
}

/** The "Lấy số thứ tự" side flow as the renderer shows it. */
export interface TakingNumberView {
  readonly phase: 'choosing' | 'issuing' | 'issued' | 'failed';
  readonly groups: readonly CounterGroupView[];
  readonly ticket?: QueueTicketView;
  /** Whether the small ticket came out of the printer (false: the screen is the ticket). */
  readonly printed?: boolean;
}
