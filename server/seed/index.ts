import type { Config } from '../config';
import type { Db, Transaction } from '../db';
import { demoUsers, directorates, maisons, themes } from './data';

/** Demo accounts live under this identity-provider name: only the embedded default's dev login knows it. */
export const devIssuer = 'dev';

export interface SeedReport {
  directorates: number;
  maisons: number;
  themes: number;
  users: number;
}

/**
 * Whether seeding makes the demo accounts: only where the dev sign-in that lists them exists. A
 * production start on the embedded database seeds the Region's themes, directorates and Maisons,
 * never the demo accounts (nobody could sign in with them, and they should not exist there).
 */
export function seedsDemoUsers(config: Pick<Config, 'isProduction' | 'auth'>): boolean {
  return !config.isProduction && config.auth.mode === 'dev';
}

/** Idempotent: running it again adds only what is missing. */
export async function seed(db: Db, options: { demoUsers: boolean } = { demoUsers: true }): Promise<SeedReport> {
  return db.transaction(async (trx) => {
    const addedDirectorates = await trx('directorates').insert(directorates).onConflict('code').ignore().returning('id');
    const addedMaisons = await trx('maisons').insert(maisons).onConflict('code').ignore().returning('id');

    const existingTop = new Set(
      (await trx('folders').whereNull('parent_id').select<{ name: string }[]>('name')).map((f) => f.name.toLowerCase()),
    );
    const missingThemes = themes.filter((name) => !existingTop.has(name.toLowerCase()));
    if (missingThemes.length > 0) {
      await trx('folders').insert(missingThemes.map((name) => ({ name, position: themes.indexOf(name) })));
    }

    const addedUsers = options.demoUsers ? await insertDemoUsers(trx) : [];

    return {
      directorates: addedDirectorates.length,
      maisons: addedMaisons.length,
      themes: missingThemes.length,
      users: addedUsers.length,
    };
  });
}

async function insertDemoUsers(trx: Transaction) {
  const directorateIds = new Map(
    (await trx('directorates').select<{ id: string; code: string }[]>('id', 'code')).map((d) => [d.code, d.id]),
  );
  const maisonIds = new Map((await trx('maisons').select<{ id: string; code: string }[]>('id', 'code')).map((m) => [m.code, m.id]));
  return trx('users')
    .insert(
      demoUsers.map((user) => ({
        idp_issuer: devIssuer,
        name_id: user.email,
        email: user.email,
        display_name: user.displayName,
        role: user.role,
        role_source: 'seed',
        directorate_id: 'directorateCode' in user ? directorateIds.get(user.directorateCode) : null,
        maison_id: 'maisonCode' in user ? maisonIds.get(user.maisonCode) : null,
      })),
    )
    .onConflict(['idp_issuer', 'name_id'])
    .ignore()
    .returning('id');
}
