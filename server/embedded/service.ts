import type { ChildProcess } from 'node:child_process';
import type { Logger } from '../logger';
import { embeddedRestarts } from '../metrics';

export type EmbeddedState = 'starting' | 'running' | 'restarting' | 'stopped' | 'exited';

/** How a supervised service is restarted after it died: backoff from `firstDelayMs`, doubling to `maxDelayMs`. */
export interface RestartPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
  /** Failed restarts in a row after which the app gives up (and says why). */
  maxAttempts: number;
  /** Up this long, a service that dies again starts over from the first delay. */
  stableAfterMs: number;
}

export const defaultRestartPolicy: RestartPolicy = { firstDelayMs: 1000, maxDelayMs: 30000, maxAttempts: 10, stableAfterMs: 60000 };

/** A service the app runs as its own child process (the embedded default). */
export interface EmbeddedService {
  readonly name: 'postgres' | 'meilisearch';
  readonly url: string;
  state(): { state: EmbeddedState; exitCode?: number | null; signal?: string | null; restarts?: number };
  start(): Promise<void>;
  stop(): Promise<void>;
  /** From now on, an unexpected exit is followed by a restart with backoff (the app's own services). */
  supervise(policy?: Partial<RestartPolicy>): void;
}

/**
 * Follows a child process: when it exits without being asked to, the log says which service died
 * and how, and state() says so to /readyz. Supervised, it starts the service again with backoff:
 * each restart, failure and give-up is one line of the log and a count in /metrics.
 */
export class ChildWatch {
  private current: EmbeddedState = 'stopped';
  private exit: { exitCode?: number | null; signal?: string | null } = {};
  private stopping = false;
  private policy: RestartPolicy | undefined;
  private restart: (() => Promise<void>) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private failedInARow = 0;
  private restarts = 0;
  private runningSince = 0;

  constructor(
    private readonly name: string,
    private readonly logger: Logger,
  ) {}

  supervise(restart: () => Promise<void>, policy: Partial<RestartPolicy> = {}): void {
    this.restart = restart;
    this.policy = { ...defaultRestartPolicy, ...policy };
  }

  starting(): void {
    if (this.current !== 'restarting') {
      // Started by the app or an operator, not by a scheduled restart: the failures before are forgotten.
      this.current = 'starting';
      this.failedInARow = 0;
    }
    this.stopping = false;
    this.exit = {};
  }

  follow(child: ChildProcess): void {
    this.current = 'running';
    this.runningSince = Date.now();
    child.once('exit', (exitCode, signal) => {
      this.exit = { exitCode, signal };
      if (this.stopping) {
        this.current = 'stopped';
        return;
      }
      this.current = 'exited';
      this.logger.error({ service: this.name, exitCode, signal }, `embedded ${this.name} exited unexpectedly`);
      if (this.policy && Date.now() - this.runningSince >= this.policy.stableAfterMs) this.failedInARow = 0;
      this.scheduleRestart();
    });
  }

  private scheduleRestart(): void {
    const { policy, restart } = this;
    if (!policy || !restart || this.stopping) return;
    if (this.failedInARow >= policy.maxAttempts) {
      embeddedRestarts.inc({ service: this.name, outcome: 'gave_up' });
      this.current = 'exited';
      this.logger.error(
        { service: this.name, attempts: this.failedInARow },
        `embedded ${this.name} could not be restarted: giving up (restart the app once the cause is fixed)`,
      );
      return;
    }
    const delayMs = Math.min(policy.firstDelayMs * 2 ** this.failedInARow, policy.maxDelayMs);
    this.current = 'restarting';
    this.logger.warn({ service: this.name, delayMs, attempt: this.failedInARow + 1 }, `restarting embedded ${this.name}`);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.stopping) return;
      restart().then(
        () => {
          this.restarts += 1;
          embeddedRestarts.inc({ service: this.name, outcome: 'restarted' });
          this.logger.info({ service: this.name, attempt: this.failedInARow + 1 }, `embedded ${this.name} restarted`);
        },
        (error: unknown) => {
          this.failedInARow += 1;
          embeddedRestarts.inc({ service: this.name, outcome: 'failed' });
          this.logger.warn(
            { service: this.name, attempt: this.failedInARow, err: error },
            `embedded ${this.name} did not restart: ${error instanceof Error ? error.message : String(error)}`,
          );
          if (this.current === 'running') return;
          this.scheduleRestart();
        },
      );
    }, delayMs);
    this.timer.unref();
  }

  stoppingNow(): void {
    this.stopping = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  stopped(): void {
    this.current = 'stopped';
  }

  state() {
    return { state: this.current, ...this.exit, ...(this.restarts > 0 ? { restarts: this.restarts } : {}) };
  }
}
