import type { Config } from '../config';
import type { Db } from '../db';
import type { Logger } from '../logger';
import type { Search } from '../../search';
import type { Storage } from '../../storage';
import { digestJobHandlers } from '../digest/jobs';
import { searchJobHandlers } from '../search/jobs';
import { nightlyRebuild, rebuildIfOutdated, repairIndexDrift } from '../search/rebuild';
import { cleanUpStorage } from './cleanup';
import { rollUpSearchLog } from '../insights/rollup';
import type { JobHandlers, RecurringJob } from './types';

export interface JobDeps {
  db: Db;
  storage: Storage;
  search: Search;
  logger: Logger;
  config: Config;
}

/** Every job type the worker knows, by name. */
export function createJobHandlers(deps: JobDeps): JobHandlers {
  return {
    ...searchJobHandlers({ ...deps, ocr: deps.config.ocr }),
    ...digestJobHandlers(deps),
    // The settings job runs at every start: the moment to catch an index of an older analysis.
    'search.applySettings': async () => {
      await deps.search.ensureIndex();
      await rebuildIfOutdated(deps);
    },
    'search.rebuild': () => nightlyRebuild(deps),
    'search.checkIndex': async () => {
      await repairIndexDrift(deps);
    },
    'insights.rollUp': async () => {
      await rollUpSearchLog(deps.db);
    },
    'storage.cleanup': async () => {
      await cleanUpStorage({ ...deps, graceDays: deps.config.deletedFilesGraceDays });
    },
  };
}

/** Jobs the worker keeps scheduled. */
export function recurringJobs(config: Config): RecurringJob[] {
  return [
    { type: 'storage.cleanup', everySeconds: 15 * 60 },
    { type: 'search.refreshAvailability', everySeconds: 60 * 60 },
    // The closed days of the search log, rolled up for the insights (also done before each insights read).
    { type: 'insights.rollUp', everySeconds: 60 * 60 },
    // The index compared with PostgreSQL, its drift repaired: nothing stays stale without an operator.
    { type: 'search.checkIndex', everySeconds: config.meili.checkEverySeconds },
    // Once a night at most: the 12 hours keep a rebuild that ran late from being followed by another.
    ...(config.meili.rebuildHour === undefined
      ? []
      : [{ type: 'search.rebuild', everySeconds: 12 * 60 * 60, atHour: config.meili.rebuildHour }]),
    // The directorates' weekly digest by e-mail, in the Region's morning (its page is always there).
    ...(config.mail.smtpUrl ? [{ type: 'digest.weekly', everySeconds: 7 * 24 * 60 * 60 - 12 * 60 * 60, atHour: 7 }] : []),
  ];
}
