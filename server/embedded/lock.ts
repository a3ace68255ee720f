import { mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isAlive } from './processes';
import { DataDirInUseError } from '../errors';

export interface RuntimeInfo {
  pid: number;
  postgresPort?: number;
  meiliPort?: number;
}

const lockFile = (dataDir: string) => path.join(dataDir, 'app.lock');

/** The app process that owns this data directory right now, if any. */
export async function runningOwner(dataDir: string): Promise<RuntimeInfo | undefined> {
  const text = await readFile(lockFile(dataDir), 'utf8').catch(() => undefined);
  if (!text) return undefined;
  try {
    const info = JSON.parse(text) as RuntimeInfo;
    return Number.isInteger(info.pid) && info.pid !== process.pid && isAlive(info.pid) ? info : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the data directory for this process; a stale lock of a dead process is replaced. */
export async function lockDataDir(
  dataDir: string,
): Promise<{ update(info: Omit<RuntimeInfo, 'pid'>): Promise<void>; release(): Promise<void> }> {
  await mkdir(dataDir, { recursive: true, mode: 0o755 });
  const owner = await runningOwner(dataDir);
  if (owner) throw new DataDirInUseError(dataDir, owner.pid);
  await rm(lockFile(dataDir), { force: true });
  const handle = await open(lockFile(dataDir), 'wx');
  await handle.writeFile(JSON.stringify({ pid: process.pid }));
  await handle.close();
  return {
    update: (info) => writeFile(lockFile(dataDir), JSON.stringify({ pid: process.pid, ...info })),
    release: () => rm(lockFile(dataDir), { force: true }),
  };
}
