import { readFile, rm } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function commandLineOf(pid: number): Promise<string> {
  return readFile(`/proc/${pid}/cmdline`, 'utf8').then(
    (text) => text.replaceAll('\0', ' '),
    () => '',
  );
}

/** The pid written on the first line of a pid file, when that process still runs `expected`. */
export async function livePidFrom(pidFile: string, expected: string): Promise<number | undefined> {
  const text = await readFile(pidFile, 'utf8').catch(() => '');
  const pid = Number.parseInt(text.split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || !isAlive(pid)) return undefined;
  const commandLine = await commandLineOf(pid);
  return commandLine === '' || commandLine.includes(expected) ? pid : undefined;
}

/**
 * Stops a process left running by an earlier start that was killed (a child outlives a parent
 * killed with SIGKILL). Waits for it to go; SIGKILL after the grace period.
 */
export async function stopLeftover(pidFile: string, expected: string, signal: NodeJS.Signals): Promise<number | undefined> {
  const pid = await livePidFrom(pidFile, expected);
  if (pid === undefined) return undefined;
  process.kill(pid, signal);
  for (let waited = 0; waited < 10000 && isAlive(pid); waited += 100) await delay(100);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  for (let waited = 0; waited < 2000 && isAlive(pid); waited += 50) await delay(50);
  await rm(pidFile, { force: true });
  return pid;
}
