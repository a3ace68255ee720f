import type { JobHandlers } from './worker';

/** Every job type the worker knows, by name. Later capabilities (indexing, cleanup) register here. */
export const jobHandlers: JobHandlers = {};
