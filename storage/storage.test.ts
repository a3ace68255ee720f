import { randomBytes, createHash } from 'node:crypto';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, inject, it } from 'vitest';
import { s3StorageConfig } from '../tests/setup/s3';
import { uniqueName } from '../tests/context';
import { createStorage, newStorageKey, StorageObjectNotFoundError, type Storage } from './index';

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The same contract for every driver. */
function storageContract(name: string, make: () => Storage) {
  describe(`${name} storage`, () => {
    const storage = make();

    it('stores a stream and gives it back, whole or by byte range', async () => {
      const key = newStorageKey();
      const body = randomBytes(3 * 1024 * 1024 + 17);
      expect(await storage.put(key, Readable.from([body.subarray(0, 1000), body.subarray(1000)]))).toEqual({ size: body.length });
      expect(await storage.exists(key)).toBe(true);
      const whole = await storage.get(key);
      expect(whole.size).toBe(body.length);
      expect(
        createHash('sha256')
          .update(await bytesOf(whole.body))
          .digest('hex'),
      ).toBe(createHash('sha256').update(body).digest('hex'));
      const part = await storage.get(key, { start: 10, end: 19 });
      expect(part.size).toBe(body.length);
      expect(await bytesOf(part.body)).toEqual(body.subarray(10, 20));
    });

    it('deletes, and deleting again is no error', async () => {
      const key = newStorageKey();
      await storage.put(key, Readable.from([Buffer.from('bonjour')]));
      await storage.delete(key);
      expect(await storage.exists(key)).toBe(false);
      await storage.delete(key);
    });

    it('says StorageObjectNotFoundError for a missing object', async () => {
      await expect(storage.get(newStorageKey())).rejects.toBeInstanceOf(StorageObjectNotFoundError);
    });

    it('refuses keys it did not make', async () => {
      for (const key of ['../etc/passwd', '/abs/key', 'a/../../b', 'Nom Utilisateur.pdf', 'a//b', '']) {
        await expect(storage.put(key, Readable.from([Buffer.from('x')]))).rejects.toThrow(/Invalid storage key/);
      }
    });

    it('leaves no object behind when the incoming stream fails midway', async () => {
      const key = newStorageKey();
      const failing = new Readable({
        read() {
          this.push(Buffer.alloc(64 * 1024, 1));
          this.destroy(new Error('client went away'));
        },
      });
      await expect(storage.put(key, failing)).rejects.toThrow();
      expect(await storage.exists(key)).toBe(false);
    });

    it('is healthy', async () => {
      await storage.checkHealth();
    });
  });
}

storageContract('local', () => createStorage({ kind: 'local', dir: path.join(inject('services').tmpDir, uniqueName('files')) }));
storageContract('S3 (s3rver)', () => {
  const { s3 } = inject('services');
  return createStorage(s3StorageConfig(s3.endpoint, s3.bucket));
});

describe('short-lived URLs', () => {
  it('S3 gives a presigned GET that serves the object, with the asked type and disposition', async () => {
    const { s3 } = inject('services');
    const storage = createStorage(s3StorageConfig(s3.endpoint, s3.bucket));
    const key = newStorageKey();
    await storage.put(key, Readable.from([Buffer.from('%PDF-1.7 presigned')]));
    const url = await storage.presignedGetUrl(key, {
      expiresInSeconds: 60,
      filename: 'règlement.pdf',
      contentType: 'application/pdf',
      disposition: 'inline',
      grant: 'link',
    });
    expect(url).toMatch(/X-Amz-Expires=60/);
    const response = await fetch(url as string);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/^inline; filename="reglement.pdf"/);
    expect(await response.text()).toBe('%PDF-1.7 presigned');
  });

  it('local storage signs its own URLs, which only a driver with its secret accepts', async () => {
    const dir = path.join(inject('services').tmpDir, uniqueName('files'));
    const storage = createStorage({ kind: 'local', dir, urlSecret: 'one-secret-one-secret-one-secret' });
    const url = new URL(
      await storage.presignedGetUrl('versions/x', {
        expiresInSeconds: 60,
        filename: 'a.pdf',
        contentType: 'application/pdf',
        disposition: 'inline',
        grant: 'link',
      }),
      'http://x',
    );
    expect(url.pathname).toBe('/f/versions/x');
    const query = Object.fromEntries(url.searchParams);
    expect(storage.verifySignedUrl('versions/x', query)).toEqual({ key: 'versions/x', grant: 'link', disposition: 'inline' });
    expect(storage.verifySignedUrl('versions/y', query)).toBeUndefined();
    expect(storage.verifySignedUrl('versions/x', { ...query, d: 'attachment' })).toBeUndefined();
    expect(
      createStorage({ kind: 'local', dir, urlSecret: 'another-secret-another-secret-xx' }).verifySignedUrl('versions/x', query),
    ).toBeUndefined();
  });
});

describe('newStorageKey', () => {
  it('makes unique keys from the server side only', () => {
    const key = newStorageKey('versions', new Date('2026-03-05T00:00:00Z'));
    expect(key).toMatch(/^versions\/2026\/03\/[0-9a-f-]{36}$/);
    expect(newStorageKey()).not.toBe(newStorageKey());
  });
});

it('reads back text written by the local driver', async () => {
  const storage = createStorage({ kind: 'local', dir: path.join(inject('services').tmpDir, uniqueName('files')) });
  const key = newStorageKey();
  await storage.put(key, Readable.from([Buffer.from('Économie', 'utf8')]));
  expect(await text((await storage.get(key)).body)).toBe('Économie');
});
