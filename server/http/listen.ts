import type { Express } from 'express';
import http from 'node:http';
import net from 'node:net';
import { PortInUseError } from '../errors';

function listenOn(server: net.Server | http.Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(host, port) : error);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

/** Fails fast, before any embedded service starts, when the HTTP port is taken. */
export async function assertPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return;
  const probe = net.createServer();
  await listenOn(probe, host, port);
  await new Promise((resolve) => probe.close(resolve));
}

export async function listen(app: Express, host: string, port: number): Promise<http.Server> {
  const server = http.createServer(app);
  server.keepAliveTimeout = 65000;
  server.headersTimeout = 66000;
  server.requestTimeout = 5 * 60000;
  await listenOn(server, host, port);
  return server;
}

/** Stops accepting connections and waits for requests under way, at most `timeoutMs`. */
export async function closeGracefully(server: http.Server, timeoutMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), timeoutMs);
  await closed;
  clearTimeout(timer);
}
