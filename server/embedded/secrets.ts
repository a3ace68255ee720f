import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

const secretsSchema = z.object({
  postgresPassword: z.string().min(16),
  meiliMasterKey: z.string().min(16),
  sessionSecret: z.string().min(32).optional(),
});
export type EmbeddedSecrets = Required<z.infer<typeof secretsSchema>>;

/** Secrets of the embedded services, generated on the first start and kept in DATA_DIR (mode 600). */
export async function loadOrCreateSecrets(dataDir: string): Promise<EmbeddedSecrets> {
  const file = path.join(dataDir, 'secrets.json');
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  if (existing !== undefined) {
    const parsed = secretsSchema.safeParse(JSON.parse(existing));
    if (!parsed.success) throw new Error(`${file} is damaged: delete it only together with ${dataDir}/pg and ${dataDir}/meili`);
    if (parsed.data.sessionSecret) return { ...parsed.data, sessionSecret: parsed.data.sessionSecret };
    // Written by a version that had no session secret yet.
    const completed = { ...parsed.data, sessionSecret: randomBytes(32).toString('base64url') };
    await writeFile(file, JSON.stringify(completed, null, 2), { mode: 0o600 });
    return completed;
  }
  const secrets = {
    postgresPassword: randomBytes(24).toString('base64url'),
    meiliMasterKey: randomBytes(32).toString('base64url'),
    sessionSecret: randomBytes(32).toString('base64url'),
  };
  await mkdir(dataDir, { recursive: true, mode: 0o755 });
  await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: 'wx' });
  return secrets;
}
