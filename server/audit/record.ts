import type { Request } from 'express';
import type { Db, Transaction } from '../db';

export interface AuditContext {
  actorId: string | null;
  actorLabel: string;
  ip?: string | null;
  userAgent?: string | null;
}

export interface AuditEvent {
  action: string;
  objectType: string;
  objectId?: string | null;
  /** What changed: `{ field: { before, after } }`, or facts about the event. */
  changes?: Record<string, unknown>;
}

/** Who is acting, from the request: the signed-in user (or `fallbackLabel`), the client's IP and user agent. */
export function auditContextOf(req: Pick<Request, 'user' | 'ip' | 'get'>, fallbackLabel = 'anonyme'): AuditContext {
  return {
    actorId: req.user?.id ?? null,
    actorLabel: req.user ? `${req.user.displayName} <${req.user.email}>` : fallbackLabel,
    ip: req.ip ?? null,
    userAgent: req.get('user-agent')?.slice(0, 500) ?? null,
  };
}

/** Appends an event to the audit trail, in the transaction of the write it records. */
export async function recordAudit(trx: Transaction | Db, context: AuditContext, event: AuditEvent): Promise<void> {
  await trx('audit_events').insert({
    actor_id: context.actorId,
    actor_label: context.actorLabel,
    action: event.action,
    object_type: event.objectType,
    object_id: event.objectId ?? null,
    changes: event.changes ?? {},
    ip: context.ip ?? null,
    user_agent: context.userAgent ?? null,
  });
}
