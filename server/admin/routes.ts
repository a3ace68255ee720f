import { Router, type Request } from 'express';
import { auditContextOf, recordAudit } from '../audit/record';
import type { Db } from '../db';
import { ConflictError, NotFoundError } from '../errors';
import { currentUser, signedIn } from '../http/access';
import { idParams } from '../http/params';
import { app, authorize } from '../policies';
import { createDirectorateSchema, createMaisonSchema, updateDirectorateSchema, updateMaisonSchema, updateUserSchema, usersQuery } from './schema';
import { endSessionsOf, identityWhereEmailShared } from '../users/service';

const admin = (req: Request) => authorize(currentUser(req), 'admin.manage', app);

function isUniqueViolation(error: unknown) {
  return (error as { code?: string }).code === '23505';
}

/** Directorates, Maisons and users, for administrators (the audit trail: server/audit/routes.ts). */
export function adminRoutes(deps: { db: Db }) {
  const router = Router();
  const { db } = deps;

  /** Directorates and Maisons share one shape: code, name, active, and what still refers to them. */
  function placeRoutes(kind: 'directorates' | 'maisons', schemas: { create: typeof createDirectorateSchema | typeof createMaisonSchema; update: typeof updateDirectorateSchema | typeof updateMaisonSchema }) {
    const table = kind;
    const objectType = kind === 'directorates' ? 'directorate' : 'maison';
    const params = idParams(kind === 'directorates' ? 'Cette direction est introuvable.' : 'Cette Maison est introuvable.');
    const references = async (id: string) => {
      const column = kind === 'directorates' ? 'directorate_id' : 'maison_id';
      const [users, documents, folders] = await Promise.all([
        db('users').where({ [column]: id }).count({ n: '*' }).first(),
        kind === 'directorates' ? db('documents').where({ directorate_id: id }).count({ n: '*' }).first() : Promise.resolve({ n: 0 }),
        kind === 'directorates' ? db('folders').where({ directorate_id: id }).count({ n: '*' }).first() : Promise.resolve({ n: 0 }),
      ]);
      return { users: Number(users?.n ?? 0), documents: Number(documents?.n ?? 0), folders: Number(folders?.n ?? 0) };
    };
    const present = async (row: Record<string, unknown>) => ({
      id: row.id,
      code: row.code,
      name: row.name,
      ...(kind === 'maisons' ? { city: row.city, phone: row.phone ?? null } : {}),
      isActive: row.is_active,
      references: await references(row.id as string),
    });

    router.get(`/api/admin/${kind}`, signedIn, async (req, res) => {
      admin(req);
      const rows = await db(table).orderBy('name');
      res.json({ [kind]: await Promise.all(rows.map(present)) });
    });

    router.post(`/api/admin/${kind}`, signedIn, async (req, res) => {
      admin(req);
      const input = schemas.create.parse(req.body) as { code: string; name: string; city?: string; phone?: string | null };
      const row = await db
        .transaction(async (trx) => {
          const [created] = await trx(table).insert(input).returning('*');
          await recordAudit(trx, auditContextOf(req), {
            action: `${objectType}.created`,
            objectType,
            objectId: created.id,
            changes: Object.fromEntries(Object.entries(input).map(([k, v]) => [k, { before: null, after: v }])),
          });
          return created;
        })
        .catch((error: unknown) => {
          if (isUniqueViolation(error)) throw new ConflictError('Ce code existe déjà.');
          throw error;
        });
      res.status(201).json({ [objectType]: await present(row) });
    });

    router.patch(`/api/admin/${kind}/:id`, signedIn, async (req, res) => {
      admin(req);
      const { id } = params.parse(req.params);
      const input = schemas.update.parse(req.body) as { name?: string; city?: string; phone?: string | null; isActive?: boolean };
      const row = await db.transaction(async (trx) => {
        const before = await trx(table).where({ id }).first();
        if (!before) throw new NotFoundError();
        const changes = { ...(input.name !== undefined ? { name: input.name } : {}), ...(input.city !== undefined ? { city: input.city } : {}), ...(input.phone !== undefined ? { phone: input.phone } : {}), ...(input.isActive !== undefined ? { is_active: input.isActive } : {}) };
        const [after] = await trx(table).where({ id }).update({ ...changes, updated_at: trx.fn.now() }).returning('*');
        await recordAudit(trx, auditContextOf(req), {
          action: input.isActive === false ? `${objectType}.deactivated` : input.isActive === true && !before.is_active ? `${objectType}.reactivated` : `${objectType}.updated`,
          objectType,
          objectId: id,
          changes: Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, { before: before[k], after: v }])),
        });
        return after;
      });
      res.json({ [objectType]: await present(row) });
    });

    router.delete(`/api/admin/${kind}/:id`, signedIn, async (req, res) => {
      admin(req);
      const { id } = params.parse(req.params);
      const used = await references(id);
      if (used.users + used.documents + used.folders > 0) throw new ConflictError('Encore utilisée (utilisateurs, dossiers ou documents) : désactivez-la plutôt.');
      await db
        .transaction(async (trx) => {
          const removed = await trx(table).where({ id }).delete().returning(['code', 'name']);
          if (removed.length === 0) throw new NotFoundError();
          await recordAudit(trx, auditContextOf(req), { action: `${objectType}.deleted`, objectType, objectId: id, changes: { code: { before: removed[0]?.code, after: null }, name: { before: removed[0]?.name, after: null } } });
        })
        .catch((error: unknown) => {
          // Something came to refer to it since the check above.
          if ((error as { code?: string }).code === '23503') throw new ConflictError('Encore utilisée (utilisateurs, dossiers ou documents) : désactivez-la plutôt.');
          throw error;
        });
      res.status(204).end();
    });
  }
  placeRoutes('directorates', { create: createDirectorateSchema, update: updateDirectorateSchema });
  placeRoutes('maisons', { create: createMaisonSchema, update: updateMaisonSchema });

  router.get('/api/admin/users', signedIn, async (req, res) => {
    admin(req);
    const filter = usersQuery.parse(req.query);
    const query = db('users as u')
      .leftJoin('directorates as d', 'd.id', 'u.directorate_id')
      .leftJoin('maisons as m', 'm.id', 'u.maison_id')
      .orderBy('u.display_name')
      .limit(500)
      .select('u.id', 'u.email', 'u.display_name', 'u.role', 'u.role_source', 'u.groups', 'u.is_active', 'u.last_sign_in_at', 'd.code as directorate_code', 'd.name as directorate_name', 'm.code as maison_code', 'm.name as maison_name')
      .select(db.raw(`${identityWhereEmailShared('u')} as identity`));
    if (filter.q) {
      const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.where((w) => w.whereILike('u.display_name', pattern).orWhereILike('u.email', pattern));
    }
    if (filter.role) query.where('u.role', filter.role);
    if (filter.directorate) query.where('u.directorate_id', filter.directorate);
    if (filter.maison) query.where('u.maison_id', filter.maison);
    if (filter.active) query.where('u.is_active', filter.active === 'true');
    const rows = await query;
    res.json({
      users: rows.map((row) => ({
        id: row.id,
        email: row.email,
        /** "<NameID> · <issuer>" when another user has the same e-mail, else null. */
        identity: row.identity,
        displayName: row.display_name,
        role: row.role,
        roleSource: row.role_source,
        groups: row.groups,
        isActive: row.is_active,
        lastSignInAt: row.last_sign_in_at,
        directorate: row.directorate_code ? { code: row.directorate_code, name: row.directorate_name } : null,
        maison: row.maison_code ? { code: row.maison_code, name: row.maison_name } : null,
      })),
    });
  });

  router.patch('/api/admin/users/:id', signedIn, async (req, res) => {
    admin(req);
    const { id } = idParams('Cet utilisateur est introuvable.').parse(req.params);
    const { isActive } = updateUserSchema.parse(req.body);
    if (id === currentUser(req).id && !isActive) throw new ConflictError('Vous ne pouvez pas désactiver votre propre compte.');
    await db.transaction(async (trx) => {
      const before = await trx('users').where({ id }).first('is_active');
      if (!before) throw new NotFoundError('Cet utilisateur est introuvable.');
      await trx('users').where({ id }).update({ is_active: isActive, updated_at: trx.fn.now() });
      // A deactivated user's sessions end at once, on every instance.
      if (!isActive) await endSessionsOf(trx, id);
      await recordAudit(trx, auditContextOf(req), { action: isActive ? 'user.reactivated' : 'user.deactivated', objectType: 'user', objectId: id, changes: { isActive: { before: before.is_active, after: isActive } } });
    });
    res.json({ id, isActive });
  });

  return router;
}
