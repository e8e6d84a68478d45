/** The two attention timings a technician can change (settings, in seconds). */
export interface AttentionTimings {
  readonly inactivitySeconds: number;
  readonly warningSeconds: number;
}

/** Fixed delays in ms that replace the settings (tests, the demo). */
export type JourneyDelayOverrides = Partial<
  Record<
    'inactivity' | 'warningCountdown' | 'doneLinger' | 'keyWait' | 'registryBudget' | 'paymentWait',
    number
  >
>;

/**
 * The journey's delays for `machine.provide({ delays })`. Inactivity and the warning countdown
 * are functions reading the current settings, and XState evaluates a delay each time its state
 * is entered: a changed setting applies from the next watching or warning period, without a
 * restart and without changing the chart. An override (tests) wins.
 *
 * @example
 * journeyMachine.provide({ delays: journeyDelays(() => settings.current()) });
 */
export function journeyDelays(
  timings: () => AttentionTimings,
  overrides: JourneyDelayOverrides = {},
): {
  inactivity: () => number;
  warningCountdown: () => number;
  doneLinger?: number;
  keyWait?: number;
  registryBudget?: number;
  paymentWait?: number;
} {
  return {
    inactivity: () => overrides.inactivity ?? timings().inactivitySeconds * 1000,
    warningCountdown: () => overrides.warningCountdown ?? timings().warningSeconds * 1000,
    ...(overrides.doneLinger ? { doneLinger: overrides.doneLinger } : {}),
    ...(overrides.keyWait ? { keyWait: overrides.keyWait } : {}),
    ...(overrides.registryBudget ? { registryBudget: overrides.registryBudget } : {}),
    ...(overrides.paymentWait ? { paymentWait: overrides.paymentWait } : {}),
  };
}
