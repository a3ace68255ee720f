import type { Config } from '../config';
import type { Db } from '../db';
import { enqueueJob } from '../jobs/queue';
import type { JobHandlers } from '../jobs/types';
import type { Logger } from '../logger';
import { createMailer } from '../mail';
import { digestMail } from './mail';
import { digestOf } from './service';

/** Monday of this week on the Region's calendar (YYYY-MM-DD): which week's digest a job sends. */
export function weekOf(now = new Date()): string {
  const today = new Date(`${now.toLocaleDateString('en-CA', { timeZone: 'Europe/Paris' })}T12:00:00Z`);
  const sinceMonday = (today.getUTCDay() + 6) % 7;
  return new Date(today.getTime() - sinceMonday * 86400000).toISOString().slice(0, 10);
}

/** The path of a directorate's digest page in the web app. */
export const digestPagePath = (directorateId: string) => `/directions/${directorateId}/resume`;

/**
 * `digest.weekly` (recurring, when SMTP_URL is set) enqueues one `digest.send` per directorate, in
 * one transaction. Each `digest.send` e-mails the directorate's editors unless the digest is empty,
 * nobody can receive it, or that week's was already sent; an SMTP failure throws, so the queue
 * retries it with backoff and, after its last attempt, shows it to admins as a failed job.
 */
export function digestJobHandlers(deps: { db: Db; logger: Logger; config: Config }): JobHandlers {
  const { db, logger, config } = deps;
  return {
    'digest.weekly': async () => {
      const week = weekOf();
      await db.transaction(async (trx) => {
        const directorates = (await trx('directorates').where({ is_active: true }).pluck('id')) as string[];
        for (const directorateId of directorates) {
          await enqueueJob(trx, 'digest.send', { directorateId, weekOf: week }, { key: `digest:${directorateId}` });
        }
      });
    },
    'digest.send': async (payload) => {
      const directorateId = String(payload.directorateId);
      const week = String(payload.weekOf);
      if (!config.mail.smtpUrl) return;
      const sent = await db('digest_sends').where({ directorate_id: directorateId, week_of: week }).first('sent_at');
      if (sent) return;
      const digest = await digestOf(db, directorateId, {
        id: '00000000-0000-0000-0000-000000000000',
        role: 'admin',
        directorateId: null,
        maisonId: null,
      });
      if (digest.isEmpty) {
        logger.info({ directorateId, weekOf: week }, 'digest empty: not sent');
        return;
      }
      const recipients = (await db('users')
        .where({ directorate_id: directorateId, role: 'editor', is_active: true })
        .orderBy('email')
        .pluck('email')) as string[];
      if (recipients.length === 0) {
        logger.info({ directorateId, weekOf: week }, 'digest has no recipient: not sent');
        return;
      }
      const pageUrl = config.http.publicUrl ? `${config.http.publicUrl.replace(/\/$/, '')}${digestPagePath(directorateId)}` : null;
      await createMailer({ smtpUrl: config.mail.smtpUrl, from: config.mail.from }).send(digestMail(digest, recipients, pageUrl));
      await db('digest_sends')
        .insert({ directorate_id: directorateId, week_of: week, recipients: recipients.length })
        .onConflict(['directorate_id', 'week_of'])
        .ignore();
      logger.info({ directorateId, weekOf: week, recipients: recipients.length }, 'digest sent');
    },
  };
}
