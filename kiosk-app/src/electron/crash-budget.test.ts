import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CrashBudget, type CrashBudgetPolicy } from './crash-budget';

const policy: CrashBudgetPolicy = {
  baseDelayMs: 100,
  maxDelayMs: 1_000,
  maxCrashes: 3,
  windowMs: 60_000,
};

describe('CrashBudget', () => {
  it('backs off exponentially, then asks for an app relaunch', () => {
    const budget = new CrashBudget(policy);
    expect(budget.recordCrash(0)).toEqual({ action: 'restart', delayMs: 100, crashesInWindow: 1 });
    expect(budget.recordCrash(1_000)).toEqual({
      action: 'restart',
      delayMs: 200,
      crashesInWindow: 2,
    });
    expect(budget.recordCrash(2_000)).toEqual({
      action: 'restart',
      delayMs: 400,
      crashesInWindow: 3,
    });
    expect(budget.recordCrash(3_000)).toEqual({ action: 'relaunch-app', crashesInWindow: 4 });
  });

  it('forgets crashes older than the window', () => {
    const budget = new CrashBudget(policy);
    budget.recordCrash(0);
    budget.recordCrash(1);
    budget.recordCrash(2);
    expect(budget.recordCrash(60_002)).toEqual({
      action: 'restart',
      delayMs: 100,
      crashesInWindow: 1,
    });
  });

  it('never waits longer than the cap nor less than the base', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 10_000_000 }), { maxLength: 50 }), (offsets) => {
        const budget = new CrashBudget({ ...policy, maxCrashes: 100 });
        let now = 0;
        for (const offset of offsets) {
          now += offset;
          const decision = budget.recordCrash(now);
          if (decision.action !== 'restart') return false;
          if (decision.delayMs < policy.baseDelayMs || decision.delayMs > policy.maxDelayMs)
            return false;
        }
        return true;
      }),
    );
  });
});
