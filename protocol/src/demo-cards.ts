/**
 * The demo's sample cards, shared by the demo wiring (which makes them) and the idle screen's demo
 * panel (which offers them). Cards 1–3 agree with the registry in every field; card 4 (index 3)
 * disagrees on purpose, so the mismatch notice can be seen.
 */
export const DEMO_CARDS = [0, 1, 2, 3] as const;

/** Card 4: the registry holds a newer permanent residence than the chip (moved after issue). */
export const DEMO_MISMATCH_CARD = 3;
