import { createWriteStream } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { announceReady } from './ready';

/**
 * For `npm run bench:upload` (bench/upload.ts): the floor of any HTTP upload on this machine. A
 * bare Node HTTP server that streams each request's body, as it comes, to a new file of
 * BARE_UPLOAD_DIR — no multipart parsing, no hash, no type detection, no database — and answers
 * 201 `{"document":{"id":FILE}}`. Started by tsx like the app; prints the same ready line.
 */

const dir = process.env.BARE_UPLOAD_DIR;
if (!dir) throw new Error('BARE_UPLOAD_DIR is not set');
let count = 0;

const server = http.createServer((req, res) => {
  count += 1;
  const file = path.join(dir, `upload-${process.pid}-${count}`);
  pipeline(req, createWriteStream(file)).then(
    () => res.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify({ document: { id: file } })),
    (error: unknown) => res.writeHead(500).end(String(error)),
  );
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('SIGINT', () => server.close(() => process.exit(0)));
server.listen(0, '127.0.0.1', () => announceReady(server));
