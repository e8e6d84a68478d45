/**
 * Runs the kiosk core (dist/electron/core.cjs, built from src/core/process-entry.ts) in an
 * Electron `utilityProcess` and keeps it running: restarted with back-off when it dies or does not
 * come up, the whole app relaunched after repeated crashes.
 *
 * Contract with the core entry: once its API listens it posts
 * `{ type: 'ready', url, token }` on `process.parentPort` (utilityProcess) or `process.send`
 * (child_process). The shell hands `url` and `token` to the renderer through the preload bridge
 * and nothing else; a restarted core has a new token, so the renderer is reloaded to pick it up.
 */
import { z } from 'zod';
import { CORE_CRASH_POLICY, CrashBudget, type CrashBudgetPolicy } from './crash-budget';
import type { CoreProcess, ForkCore } from './electron-api';
import type { ShellLog } from './security';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/** The core's ready message; the URL must be a loopback http/ws address (DESIGN.md). */
export const CoreReadyMessage = z.object({
  type: z.literal('ready'),
  url: z.url().refine((value) => {
    const url = new URL(value);
    return ['ws:', 'http:'].includes(url.protocol) && LOOPBACK_HOSTS.has(url.hostname);
  }, 'the core must listen on the loopback interface'),
  token: z.string().min(16).max(512),
});

export interface CoreEndpoint {
  url: string;
  token: string;
}

export type CoreState = 'stopped' | 'starting' | 'ready' | 'backing-off' | 'relaunching';

export interface Scheduler {
  now(): number;
  setTimeout(run: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realScheduler: Scheduler = {
  now: () => Date.now(),
  setTimeout: (run, delayMs) => setTimeout(run, delayMs),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface CoreSupervisorOptions {
  fork: ForkCore;
  /** Path of the bundled core entry (dist/electron/core.cjs). */
  modulePath: string;
  args?: string[];
  env: Record<string, string | undefined>;
  log: ShellLog;
  /** Called when the crash budget is spent: relaunch the app (app.relaunch + app.exit). */
  relaunchApp: () => void;
  /** Called when a restarted core is ready with a new endpoint (the renderer must reconnect). */
  onRestarted?: (endpoint: CoreEndpoint) => void;
  policy?: CrashBudgetPolicy;
  /** Where the core's stdout/stderr go; default inherit (journald collects the shell's output). */
  stdio?: 'inherit' | 'pipe' | 'ignore';
  /** A core that has not posted `ready` by then is killed and counted as a crash. */
  readyTimeoutMs?: number;
  scheduler?: Scheduler;
}

export class CoreSupervisor {
  private child: CoreProcess | undefined;
  private current: CoreEndpoint | undefined;
  private status: CoreState = 'stopped';
  private starts = 0;
  private timer: unknown;
  private readonly budget: CrashBudget;
  private readonly scheduler: Scheduler;
  private readonly waiters: Array<(endpoint: CoreEndpoint) => void> = [];

  constructor(private readonly options: CoreSupervisorOptions) {
    this.budget = new CrashBudget(options.policy ?? CORE_CRASH_POLICY);
    this.scheduler = options.scheduler ?? realScheduler;
  }

  get state(): CoreState {
    return this.status;
  }

  /** The endpoint of the running core, if it is ready. */
  get endpoint(): CoreEndpoint | undefined {
    return this.current;
  }

  /** Resolves with the endpoint as soon as a core is ready (immediately if one is). */
  whenReady(): Promise<CoreEndpoint> {
    if (this.current !== undefined) return Promise.resolve(this.current);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  start(): void {
    if (this.status !== 'stopped') return;
    this.spawn();
  }

  /** Stops the core for good (app quitting); no restart follows. */
  stop(): void {
    this.status = 'stopped';
    this.clearTimer();
    this.current = undefined;
    const child = this.child;
    this.child = undefined;
    child?.kill();
  }

  private spawn(): void {
    this.status = 'starting';
    this.starts += 1;
    const isRestart = this.starts > 1;
    const child = this.options.fork(this.options.modulePath, this.options.args ?? [], {
      serviceName: 'kiosk-core',
      env: this.options.env,
      stdio: this.options.stdio ?? 'inherit',
    });
    this.child = child;
    this.options.log('core-starting', { attempt: this.starts });

    this.timer = this.scheduler.setTimeout(() => {
      if (this.child !== child || this.status !== 'starting') return;
      this.options.log('core-ready-timeout');
      child.kill();
    }, this.options.readyTimeoutMs ?? 30_000);

    child.on('message', (message) => {
      if (this.child !== child) return;
      const parsed = CoreReadyMessage.safeParse(message);
      if (!parsed.success) return;
      this.clearTimer();
      const endpoint = { url: parsed.data.url, token: parsed.data.token };
      this.current = endpoint;
      this.status = 'ready';
      this.options.log('core-ready', { pid: child.pid ?? -1 });
      for (const resolve of this.waiters.splice(0)) resolve(endpoint);
      if (isRestart) this.options.onRestarted?.(endpoint);
    });

    child.on('exit', (code) => {
      if (this.child !== child) return;
      this.child = undefined;
      this.current = undefined;
      this.clearTimer();
      if (this.status === 'stopped') return;
      this.handleCrash(code);
    });
  }

  private handleCrash(code: number): void {
    const decision = this.budget.recordCrash(this.scheduler.now());
    if (decision.action === 'relaunch-app') {
      this.status = 'relaunching';
      this.options.log('core-crash-loop', { code, crashes: decision.crashesInWindow });
      this.options.relaunchApp();
      return;
    }
    this.status = 'backing-off';
    this.options.log('core-exited', { code, restartInMs: decision.delayMs });
    this.timer = this.scheduler.setTimeout(() => {
      if (this.status === 'backing-off') this.spawn();
    }, decision.delayMs);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) this.scheduler.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
