import { z } from 'zod';

/**
 * A counter group of the centre: the counters that receive one or more fields (lĩnh vực), and
 * the queue system's service code they are called under. Centres' queue systems let the citizen
 * pick the field, print a number and call it at that field's counters (Công an tỉnh Thanh Hóa,
 * Bộ phận một cửa, 2025: "lựa chọn lĩnh vực, thủ tục, bấm số và nhận phiếu"; see README).
 */
export const counterGroupSchema = z.strictObject({
  /** The queue system's service code; its numbers start with it (`HT0012`). */
  code: z.string().regex(/^[A-Z]{1,4}$/, '1–4 capital letters'),
  /** As the citizen reads it on the screen and the ticket. */
  name: z.string().min(1).max(80),
  /** Where its counters are ("Quầy 3, 4"), printed on the ticket. */
  counters: z.string().min(1).max(60).optional(),
  /** The fields it receives, as the catalogue names them (`sector.vi` of a procedure). */
  sectors: z.array(z.string().min(1)).default([]),
});

export type CounterGroup = z.infer<typeof counterGroupSchema>;

/**
 * The demo centre's groups, covering every field of the bundled catalogue. Synthetic: a real
 * centre configures its own from its queue system's service list.
 */
export const DEMO_COUNTER_GROUPS: readonly CounterGroup[] = [
  { code: 'HT', name: 'Hộ tịch', counters: 'Quầy 1, 2', sectors: ['Hộ tịch'] },
  { code: 'CT', name: 'Chứng thực', counters: 'Quầy 3', sectors: ['Chứng thực'] },
  {
    code: 'CTR',
    name: 'Cư trú',
    counters: 'Quầy 4, 5',
    sectors: ['Đăng ký, quản lý cư trú'],
  },
  { code: 'LLTP', name: 'Lý lịch tư pháp', counters: 'Quầy 6', sectors: ['Lý lịch tư pháp'] },
  {
    code: 'KD',
    name: 'Kinh doanh, thương mại',
    counters: 'Quầy 7',
    sectors: ['Thành lập và hoạt động của hộ kinh doanh', 'Xúc tiến thương mại'],
  },
];

/**
 * The centre's queue system and its counter groups. Without `url` the kiosk numbers by itself
 * (its `K<n>-` sequence), as it does while the system is down.
 */
export const queueConfigSchema = z
  .strictObject({
    /** The queue system's base URL (`POST /api/tickets`). */
    url: z.url().optional(),
    /** How long a citizen waits for the queue system before the kiosk's own number is used. */
    timeoutMs: z.number().int().min(200).max(10_000).default(2_000),
    /**
     * After a failure, how long the kiosk numbers alone before it asks the system again, so
     * citizens do not each wait `timeoutMs` for a system that is down.
     */
    retryAfterSeconds: z.number().int().min(0).max(600).default(30),
    groups: z
      .array(counterGroupSchema)
      .min(1)
      .max(30)
      .default(() => DEMO_COUNTER_GROUPS.map((g) => ({ ...g, sectors: [...g.sectors] })))
      .refine((groups) => new Set(groups.map((g) => g.code)).size === groups.length, {
        message: 'counter group codes must be unique',
      }),
  })
  .default(() => ({
    timeoutMs: 2_000,
    retryAfterSeconds: 30,
    groups: DEMO_COUNTER_GROUPS.map((g) => ({ ...g, sectors: [...g.sectors] })),
  }));

export type QueueConfig = z.infer<typeof queueConfigSchema>;
