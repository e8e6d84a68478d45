import { describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { loadCatalogue } from '@kiosk/forms';
import { registerAppointment, runAppointment } from '../../src/cli/commands/appointment';
import { CliError } from '../../src/cli/cli-error';
import type { Output } from '../../src/cli/output';

function capture(): Output & { docs: unknown[]; lines: string[] } {
  const docs: unknown[] = [];
  const lines: string[] = [];
  return { docs, lines, json: (v) => docs.push(v), line: (t) => lines.push(t) };
}

describe('kiosk appointment', () => {
  it('prints one JSON document with the due time', async () => {
    const out = capture();
    await runAppointment(
      { received: '2026-02-13T16:00', hours: '8', cutoff: '15:00', json: true },
      out,
    );
    expect(out.docs).toEqual([
      expect.objectContaining({
        received: '2026-02-13T16:00:00+07:00',
        countedFrom: '2026-02-23T07:00:00+07:00',
        cutOffApplied: true,
        due: '2026-02-23T17:00:00+07:00',
      }),
    ]);
  });
  it('prints human-readable lines', async () => {
    const out = capture();
    await runAppointment({ received: '2026-03-10T11:00:00+07:00', hours: '1' }, out);
    expect(out.lines.at(-1)).toBe('appointment   2026-03-10T14:00:00+07:00');
  });
  it('takes the processing time of a catalogue procedure', async () => {
    const procedure = loadCatalogue().procedures.find(
      (p) => p.processingTime.unit === 'workingHours' && p.processingTime.amount === 24,
    );
    expect(procedure).toBeDefined();
    const out = capture();
    await runAppointment(
      { procedure: procedure!.code, received: '2026-04-24T10:00', json: true },
      out,
    );
    // 24 working hours from Fri 24 Apr 10:00: 5 h Fri, 8 h Tue 28, 8 h Wed 29 (Mon 27 = Hùng Kings
    // compensatory day), then 30/4 and 1/5 and the weekend, 3 h on Mon 4 May.
    expect(out.docs).toEqual([
      expect.objectContaining({ procedure: procedure!.code, due: '2026-05-04T10:00:00+07:00' }),
    ]);
    await expect(
      runAppointment({ procedure: '9.999999', received: '2026-04-24T10:00' }, capture()),
    ).rejects.toThrow(/unknown procedure/);
  });
  it('reports bad input as a CliError', async () => {
    await expect(runAppointment({ received: 'soon', hours: '1' }, capture())).rejects.toThrow(
      CliError,
    );
    await expect(
      runAppointment({ received: '2026-03-10T11:00', hours: '-2' }, capture()),
    ).rejects.toThrow(/non-negative/);
    await expect(
      runAppointment({ received: '2026-03-10T11:00', days: '1', cutoff: '25:00' }, capture()),
    ).rejects.toThrow(/HH:MM/);
    await expect(runAppointment({ received: '2026-03-10T11:00' }, capture())).rejects.toThrow(
      /--procedure/,
    );
  });
  it('registers the subcommand with its options', () => {
    const program = new Command();
    registerAppointment(program);
    const cmd = program.commands.find((c) => c.name() === 'appointment');
    expect(cmd?.options.map((o) => o.long)).toEqual([
      '--procedure',
      '--received',
      '--hours',
      '--days',
      '--cutoff',
      '--json',
    ]);
  });
});
