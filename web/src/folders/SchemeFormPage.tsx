import { Link, useNavigate, useParams } from 'react-router';
import { sendJson } from '../api';
import { Breadcrumb } from '../ui/Breadcrumb';
import { usePageTitle, useResource } from '../ui/hooks';
import { linkTo, pagePaths } from '../routes';
import { SchemeForm } from './schemeForm/SchemeForm';
import { emptyValues, toPayload, valuesOf, type SchemeFormValues } from './schemeForm/values';
import { useSession } from '../auth/session';
import type { Directorate, Folder, FolderDetail } from './types';

const text = {
  newTitle: 'Nouveau dispositif',
  newIn: (theme: string) => `Dans le thème « ${theme} ».`,
  editTitle: (name: string) => `Modifier la fiche : ${name}`,
  create: 'Créer le dispositif',
  save: 'Enregistrer la fiche',
  editCrumb: 'Modifier la fiche',
  created: (name: string) => `Le dispositif « ${name} » est créé. Vous pouvez maintenant y déposer ses documents.`,
  saved: 'La fiche est enregistrée.',
  loading: 'Chargement…',
  forbiddenCreate: 'Vous ne pouvez pas créer de dispositif dans ce dossier.',
  forbiddenEdit: 'Vous ne pouvez pas modifier ce dispositif.',
  notScheme: "Ce dossier n'est pas un dispositif.",
  back: 'Revenir au dossier',
  unavailable: 'Formulaire indisponible',
};

/** Create a scheme under a theme (mode "create", id = theme) or edit a scheme's card (mode "edit", id = scheme). */
export function SchemeFormPage({ mode }: { mode: 'create' | 'edit' }) {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { session } = useSession();
  const detail = useResource<FolderDetail>(`/api/folders/${encodeURIComponent(id)}`);
  const directorates = useResource<{ directorates: Directorate[] }>('/api/directorates');
  const folder = detail.data?.folder;
  usePageTitle(folder ? (mode === 'create' ? text.newTitle : text.editTitle(folder.name)) : undefined);

  const user = session.status === 'signedIn' ? session.user : undefined;
  const error = detail.error ?? directorates.error;
  const refusal = !folder
    ? undefined
    : mode === 'create'
      ? folder.can.createScheme
        ? undefined
        : text.forbiddenCreate
      : !folder.scheme
        ? text.notScheme
        : folder.can.update
          ? undefined
          : text.forbiddenEdit;

  if (error || refusal) {
    return (
      <>
        <h1>{text.unavailable}</h1>
        <p role="alert" className="alert alert--error">
          {error ?? refusal}
        </p>
        <p>
          <Link to={folder ? linkTo.folder(folder.id) : pagePaths.themes}>{text.back}</Link>
        </p>
      </>
    );
  }
  if (!detail.data || !folder || !directorates.data || !user) return <p role="status">{text.loading}</p>;

  // Editors publish for their own directorate only (the server refuses any other).
  const own = directorates.data.directorates.filter((d) => d.code === user.directorate?.code);
  const isDirectorateFixed = user.role === 'editor' && own.length === 1;
  const choices = isDirectorateFixed ? own : directorates.data.directorates;
  const csrfToken = session.status === 'signedIn' ? session.csrfToken : undefined;

  async function create(values: SchemeFormValues) {
    const { folder: created } = await sendJson<{ folder: Folder }>(
      'POST',
      '/api/folders',
      { ...toPayload(values), parentId: id },
      csrfToken,
    );
    await navigate(linkTo.folder(created.id), { state: { notice: text.created(created.name) } });
  }
  async function save(values: SchemeFormValues) {
    await sendJson<{ folder: Folder }>('PATCH', `/api/folders/${encodeURIComponent(id)}`, toPayload(values), csrfToken);
    await navigate(linkTo.folder(id), { state: { notice: text.saved } });
  }

  const trail = [...detail.data.path, { id: folder.id, name: folder.name }].map((p) => ({ name: p.name, to: linkTo.folder(p.id) }));
  const title = mode === 'create' ? text.newTitle : text.editTitle(folder.name);
  return (
    <>
      <Breadcrumb trail={trail} current={mode === 'create' ? text.newTitle : text.editCrumb} />
      <h1>{title}</h1>
      {mode === 'create' && <p>{text.newIn(folder.name)}</p>}
      <SchemeForm
        key={`${mode}-${id}`}
        initial={mode === 'create' ? emptyValues(isDirectorateFixed ? (own[0]?.id ?? '') : '') : valuesOf(folder)}
        directorates={choices}
        isDirectorateFixed={isDirectorateFixed}
        submitLabel={mode === 'create' ? text.create : text.save}
        cancelTo={linkTo.folder(folder.id)}
        onSubmit={mode === 'create' ? create : save}
      />
    </>
  );
}
