import { app, can } from '../policies';
import { presentUser, type UserRow } from '../users/presenter';
import { toActor } from '../users/service';

/** The signed-in user with what the UI may offer them. */
export function presentSessionUser(row: UserRow) {
  const actor = toActor(row);
  return {
    ...presentUser(row),
    can: {
      administer: can(actor, 'admin.manage', app),
      readInsights: can(actor, 'insights.read', app),
      /** Their directorate's verification queue, reports, gaps and digest (admins: every directorate's). */
      followDirectorate: can(actor, 'directorate.follow', { kind: 'directorate', directorateId: actor.directorateId }),
      createThemes: can(actor, 'folder.create', { kind: 'folderPlacement', parent: null, directorateId: null }),
    },
  };
}
