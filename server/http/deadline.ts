import type { RequestHandler } from 'express';
import { isDatabaseUp, type Db } from '../db';
import { RequestTimeoutError, ServiceUnavailableError } from '../errors';
import type { Logger } from '../logger';

/** How long the deadline waits for PostgreSQL's `select 1` before calling it stalled. */
const probeMs = 300;

/**
 * Every request gets an answer within `timeoutMs`: past it, an answer not yet started becomes a 503
 * `service_unavailable` (naming PostgreSQL when it does not answer a probe), whatever the handler
 * is still waiting for. An upload's bound counts from the last byte received, so a long upload
 * that keeps sending is never cut; a body that stops arriving (the route waits for PostgreSQL
 * before it reads on) is. The handler's own late answer is dropped (see errorMiddleware).
 */
export function requestDeadline(deps: { timeoutMs: number; db: Db; logger: Logger }): RequestHandler {
  let lastProbe: { at: number; isUp: Promise<boolean> } | undefined;
  // One probe for every request that expires within the same moment.
  const isDatabaseAnswering = () => {
    if (!lastProbe || Date.now() - lastProbe.at > probeMs) {
      const timeout = new Promise<boolean>((resolve) => setTimeout(resolve, probeMs, false).unref());
      lastProbe = { at: Date.now(), isUp: Promise.race([isDatabaseUp(deps.db), timeout]) };
    }
    return lastProbe.isUp;
  };

  return (req, res, next) => {
    let timer: NodeJS.Timeout | undefined;
    let bytesSeen = req.socket.bytesRead;
    const arm = () => {
      timer = setTimeout(check, deps.timeoutMs);
      timer.unref();
    };
    const check = () => {
      timer = undefined;
      if (res.headersSent) return;
      if (!req.complete && req.socket.bytesRead !== bytesSeen) {
        bytesSeen = req.socket.bytesRead;
        arm();
        return;
      }
      void expire();
    };
    const expire = async () => {
      const error = (await isDatabaseAnswering()) ? new RequestTimeoutError() : new ServiceUnavailableError('database');
      if (res.headersSent || res.destroyed) return;
      (req.log ?? deps.logger).warn(
        { code: error.code, timeoutMs: deps.timeoutMs, service: error.details?.service },
        'no answer within the request bound',
      );
      res
        .status(error.status)
        .set('Cache-Control', 'no-store')
        .json({ error: { code: error.code, message: error.message } });
    };
    res.once('close', () => clearTimeout(timer));
    arm();
    next();
  };
}
