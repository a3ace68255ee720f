import { useRef, useState, type FormEvent, type RefObject } from 'react';
import { sendJson } from '../../api';
import { Restricted } from '../../auth/Restricted';
import { SynonymGroupField } from './SynonymGroupField';
import { ThesaurusSection } from './ThesaurusSection';
import { messageOf, useCsrfToken, usePageTitle, useResource } from '../../ui/hooks';
import { useSession } from '../../auth/session';
import { FormAlert } from '../../ui/FormAlert';

const text = {
  title: 'Synonymes',
  intro:
    'Des mots que la recherche traite comme équivalents : un agent qui tape l’un trouve les documents qui emploient l’autre (par exemple TPE, très petite entreprise). Un groupe compte au moins deux termes, séparés par des virgules.',
  loading: 'Chargement des synonymes…',
  none: 'Aucun groupe pour l’instant.',
  listLabel: 'Groupes de synonymes',
  hint: 'Termes séparés par des virgules, par exemple : TPE, très petite entreprise. Un groupe laissé vide est retiré à l’enregistrement.',
  add: 'Ajouter un groupe',
  save: 'Enregistrer les synonymes',
  pending: 'Enregistrement…',
  saved: (n: number) =>
    `Les synonymes sont enregistrés : ${n === 0 ? 'aucun groupe' : n === 1 ? '1 groupe' : `${n} groupes`}. La recherche les applique dans un instant.`,
  refused: 'Les synonymes n’ont pas été enregistrés :',
  ofGroup: (n: number) => `Groupe ${n} : `,
  restricted: 'Cette page est réservée aux administrateurs.',
};

interface Group {
  key: number;
  value: string;
}

const termsOf = (value: string) =>
  value
    .split(',')
    .map((term) => term.trim())
    .filter(Boolean);

/** The server names the group at fault ("groups.2 : …"): its index among those sent. */
function groupAtFault(message: string): { index?: number; message: string } {
  const match = /^groups\.(\d+)(?:\.\d+)? : (.+)$/s.exec(message);
  return match ? { index: Number(match[1]), message: match[2] ?? message } : { message };
}

/** The refusal to show, and the place of the group at fault among those edited (if the server named one). */
function refusalOf(message: string, sent: Group[], groups: Group[]) {
  const fault = groupAtFault(message);
  const group = fault.index === undefined ? undefined : sent[fault.index];
  const index = group ? groups.indexOf(group) : -1;
  return {
    refusal: {
      key: group?.key,
      message: group ? `${text.ofGroup(index + 1)}${fault.message}` : fault.message,
      fieldMessage: fault.message,
    },
    index: group ? index : undefined,
  };
}

/** Focus for the list's fields, or the add button when no field is left. */
function useFieldFocus() {
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  function focusField(index: number) {
    // After React has drawn the change.
    requestAnimationFrame(() => {
      const fields = listRef.current?.querySelectorAll<HTMLInputElement>('input') ?? [];
      (fields[Math.min(index, fields.length - 1)] ?? addRef.current)?.focus();
    });
  }
  return { listRef, addRef, focusField };
}

/** For administrators: the synonym groups of the search (GET and PUT /api/synonyms). */
export function SynonymsPage() {
  const { session } = useSession();
  if (session.status !== 'signedIn' || !session.user.can.administer) return <Restricted reason={text.restricted} />;
  return <SynonymsEditor />;
}

function SynonymsEditor() {
  usePageTitle(text.title);
  const csrfToken = useCsrfToken();
  const loaded = useResource<{ groups: string[][] }>('/api/synonyms');
  const [edited, setEdited] = useState<Group[]>();
  const [error, setError] = useState<{ key?: number; message: string; fieldMessage: string }>();
  const [notice, setNotice] = useState('');
  const [isPending, setIsPending] = useState(false);
  const nextKey = useRef(1000);
  const { listRef, addRef, focusField } = useFieldFocus();

  const groups = edited ?? loaded.data?.groups.map((terms, i) => ({ key: i, value: terms.join(', ') }));

  function change(next: Group[]) {
    setEdited(next);
    setNotice('');
  }

  function add(current: Group[]) {
    change([...current, { key: nextKey.current++, value: '' }]);
    focusField(current.length);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!groups) return;
    const sent = groups.filter((group) => termsOf(group.value).length > 0);
    setIsPending(true);
    setError(undefined);
    setNotice('');
    try {
      const answer = await sendJson<{ groups: string[][] }>(
        'PUT',
        '/api/synonyms',
        { groups: sent.map((group) => termsOf(group.value)) },
        csrfToken,
      );
      loaded.replace(answer);
      setEdited(undefined);
      setNotice(text.saved(answer.groups.length));
    } catch (e) {
      const { refusal, index } = refusalOf(messageOf(e), sent, groups);
      setError(refusal);
      if (index !== undefined) focusField(index);
    } finally {
      setIsPending(false);
    }
  }

  return (
    <>
      <h1>{text.title}</h1>
      <p className="lead">{text.intro}</p>
      {loaded.error && (
        <p role="alert" className="alert alert--error">
          {loaded.error}
        </p>
      )}
      {!groups && !loaded.error && <p role="status">{text.loading}</p>}
      {groups && (
        <form className="form" onSubmit={(event) => void save(event)}>
          <SaveOutcome error={error?.message} notice={notice} />
          <p id="synonymes-aide" className="field__hint">
            {text.hint}
          </p>
          {groups.length === 0 && <p>{text.none}</p>}
          <GroupList groups={groups} listRef={listRef} error={error} onChange={change} onRemoved={focusField} />
          <div className="actions">
            <button ref={addRef} type="button" className="button button--secondary" onClick={() => add(groups)}>
              {text.add}
            </button>
            <button type="submit" className="button" disabled={isPending}>
              {isPending ? text.pending : text.save}
            </button>
          </div>
        </form>
      )}
      <ThesaurusSection />
    </>
  );
}

/** Why the groups were refused, or that they are saved. */
function SaveOutcome({ error, notice }: { error: string | undefined; notice: string }) {
  return (
    <>
      <FormAlert lead={text.refused} message={error} />
      <p role="status" className={notice ? 'alert alert--success' : undefined}>
        {notice}
      </p>
    </>
  );
}

interface GroupListProps {
  groups: Group[];
  listRef: RefObject<HTMLOListElement | null>;
  /** The group the server refused, by key, and why. */
  error: { key?: number; fieldMessage: string } | undefined;
  onChange(groups: Group[]): void;
  /** A group was removed from this place: focus goes to the field now there. */
  onRemoved(index: number): void;
}

/** The groups being edited, one field each with its button to remove it. */
function GroupList({ groups, listRef, error, onChange, onRemoved }: GroupListProps) {
  return (
    <ol ref={listRef} className="synonym-list" aria-label={text.listLabel}>
      {groups.map((group, index) => (
        <li key={group.key}>
          <SynonymGroupField
            number={index + 1}
            value={group.value}
            hintId="synonymes-aide"
            error={error?.key === group.key ? error.fieldMessage : undefined}
            onChange={(value) => onChange(groups.map((g) => (g.key === group.key ? { ...g, value } : g)))}
            onRemove={() => {
              onChange(groups.filter((g) => g.key !== group.key));
              onRemoved(index);
            }}
          />
        </li>
      ))}
    </ol>
  );
}
