import { recordAudit, type AuditContext } from '../audit/record';
import { isPostgresError, type Db } from '../db';
import { ConflictError, NotFoundError } from '../errors';
import type { PlaceReferences, PlaceRow } from './presenter';
import { placeObjectTypes, type CreatePlaceInput, type PlaceKind, type UpdatePlaceInput } from './schema';

const stillUsed = 'Encore utilisée (utilisateurs, dossiers ou documents) : désactivez-la plutôt.';

/** How many users (and, for a directorate, folders and documents) refer to a place. */
async function referencesOf(db: Db, kind: PlaceKind, id: string): Promise<PlaceReferences> {
  const column = kind === 'directorates' ? 'directorate_id' : 'maison_id';
  const [users, documents, folders] = await Promise.all([
    db('users')
      .where({ [column]: id })
      .count({ n: '*' })
      .first(),
    kind === 'directorates' ? db('documents').where({ directorate_id: id }).count({ n: '*' }).first() : Promise.resolve({ n: 0 }),
    kind === 'directorates' ? db('folders').where({ directorate_id: id }).count({ n: '*' }).first() : Promise.resolve({ n: 0 }),
  ]);
  return { users: Number(users?.n ?? 0), documents: Number(documents?.n ?? 0), folders: Number(folders?.n ?? 0) };
}

const withReferences = async (db: Db, kind: PlaceKind, row: PlaceRow) => ({ ...row, references: await referencesOf(db, kind, row.id) });

/** Every place of a kind, active or not, by name, with what refers to each. */
export async function listPlaces(db: Db, kind: PlaceKind) {
  const rows: PlaceRow[] = await db(kind).orderBy('name');
  return Promise.all(rows.map((row) => withReferences(db, kind, row)));
}

/** The active places of a kind, for forms and filters. */
export function listActivePlaces(db: Db, kind: PlaceKind) {
  const columns = kind === 'directorates' ? ['id', 'code', 'name'] : ['id', 'code', 'name', 'city'];
  return db(kind).where({ is_active: true }).orderBy('name').select(columns);
}

/** Creates a place (audited); a code already taken is a 409. */
export async function createPlace(db: Db, audit: AuditContext, kind: PlaceKind, input: CreatePlaceInput) {
  const objectType = placeObjectTypes[kind];
  const row = await db
    .transaction(async (trx) => {
      const [created] = (await trx(kind).insert(input).returning('*')) as PlaceRow[];
      const changes = Object.fromEntries(Object.entries(input).map(([k, v]) => [k, { before: null, after: v }]));
      await recordAudit(trx, audit, { action: `${objectType}.created`, objectType, objectId: created!.id, changes });
      return created!;
    })
    .catch((error: unknown) => {
      if (isPostgresError(error, 'unique_violation')) throw new ConflictError('Ce code existe déjà.');
      throw error;
    });
  return withReferences(db, kind, row);
}

/** Renames, edits or (de)activates a place (audited, with the action that says which). */
export async function updatePlace(db: Db, audit: AuditContext, kind: PlaceKind, id: string, input: UpdatePlaceInput) {
  const objectType = placeObjectTypes[kind];
  const row = await db.transaction(async (trx) => {
    const before = await trx(kind).where({ id }).first();
    if (!before) throw new NotFoundError();
    const changes = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.city !== undefined ? { city: input.city } : {}),
      ...(input.phone !== undefined ? { phone: input.phone } : {}),
      ...(input.isActive !== undefined ? { is_active: input.isActive } : {}),
    };
    const [after] = (await trx(kind)
      .where({ id })
      .update({ ...changes, updated_at: trx.fn.now() })
      .returning('*')) as PlaceRow[];
    const verb = input.isActive === false ? 'deactivated' : input.isActive === true && !before.is_active ? 'reactivated' : 'updated';
    await recordAudit(trx, audit, {
      action: `${objectType}.${verb}`,
      objectType,
      objectId: id,
      changes: Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, { before: before[k], after: v }])),
    });
    return after!;
  });
  return withReferences(db, kind, row);
}

/** Deletes a place nothing refers to (audited); one still used is a 409: deactivate it instead. */
export async function deletePlace(db: Db, audit: AuditContext, kind: PlaceKind, id: string): Promise<void> {
  const objectType = placeObjectTypes[kind];
  const used = await referencesOf(db, kind, id);
  if (used.users + used.documents + used.folders > 0) throw new ConflictError(stillUsed);
  await db
    .transaction(async (trx) => {
      const removed = await trx(kind).where({ id }).delete().returning(['code', 'name']);
      if (removed.length === 0) throw new NotFoundError();
      const changes = { code: { before: removed[0]?.code, after: null }, name: { before: removed[0]?.name, after: null } };
      await recordAudit(trx, audit, { action: `${objectType}.deleted`, objectType, objectId: id, changes });
    })
    .catch((error: unknown) => {
      // Something came to refer to it since the check above.
      if (isPostgresError(error, 'foreign_key_violation')) throw new ConflictError(stillUsed);
      throw error;
    });
}
