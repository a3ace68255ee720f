import type { ChildProcess } from 'node:child_process';
import type { Logger } from '../logger';

export type EmbeddedState = 'starting' | 'running' | 'stopped' | 'exited';

/** A service the app runs as its own child process (the embedded default). */
export interface EmbeddedService {
  readonly name: 'postgres' | 'meilisearch';
  readonly url: string;
  state(): { state: EmbeddedState; exitCode?: number | null; signal?: string | null };
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Follows a child process: when it exits without being asked to, the log says which service died
 * and how, and state() says so to /readyz.
 */
export class ChildWatch {
  private current: EmbeddedState = 'stopped';
  private exit: { exitCode?: number | null; signal?: string | null } = {};
  private stopping = false;

  constructor(
    private readonly name: string,
    private readonly logger: Logger,
  ) {}

  starting(): void {
    this.current = 'starting';
    this.stopping = false;
    this.exit = {};
  }

  follow(child: ChildProcess): void {
    this.current = 'running';
    child.once('exit', (exitCode, signal) => {
      this.exit = { exitCode, signal };
      if (this.stopping) {
        this.current = 'stopped';
        return;
      }
      this.current = 'exited';
      this.logger.error({ service: this.name, exitCode, signal }, `embedded ${this.name} exited unexpectedly`);
    });
  }

  stoppingNow(): void {
    this.stopping = true;
  }

  stopped(): void {
    this.current = 'stopped';
  }

  state() {
    return { state: this.current, ...this.exit };
  }
}
