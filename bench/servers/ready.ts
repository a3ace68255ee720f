import type { Server } from 'node:http';

/** The line a bench server prints once listening, then `{"pid":…,"port":…}`: bench/harness.ts waits for it. */
export const readyPrefix = 'bench-server-ready ';

export function announceReady(server: Server): void {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the server has no TCP address');
  process.stdout.write(`${readyPrefix}${JSON.stringify({ pid: process.pid, port: address.port })}\n`);
}
