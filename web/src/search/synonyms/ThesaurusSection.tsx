import { useId, useMemo, useState } from 'react';
import { sendJson } from '../../api';
import { messageOf, useCsrfToken, useResource } from '../../ui/hooks';
import { FormAlert } from '../../ui/FormAlert';

const text = {
  title: 'Thésaurus fourni',
  intro: (version: string, count: number) =>
    `Livré avec l’application (version ${version}, ${count} entrées) : il relie les mots courants des usagers aux mots des dispositifs. Vos groupes de synonymes s’y ajoutent. Décochez une entrée qui égare la recherche : elle cesse de s’appliquer dans la minute, sans modifier le fichier.`,
  loading: 'Chargement du thésaurus…',
  filter: 'Filtrer les entrées',
  filterHint: 'Un mot, par exemple : chômage',
  shown: (shown: number, total: number, off: number) =>
    `${shown} entrée${shown > 1 ? 's' : ''} affichée${shown > 1 ? 's' : ''} sur ${total}, dont ${off} désactivée${off > 1 ? 's' : ''} au total.`,
  equivalent: 'Équivalents',
  broader: (from: string) => `« ${from} » mène aussi à`,
  enabled: 'Active',
  switchedOn: (terms: string) => `L’entrée « ${terms} » est réactivée.`,
  switchedOff: (terms: string) => `L’entrée « ${terms} » est désactivée.`,
  refused: 'La modification n’a pas été enregistrée :',
  more: (n: number) => `Affinez le filtre : ${n} autres entrées ne sont pas affichées.`,
};

interface Entry {
  id: string;
  theme: string;
  kind: 'equivalent' | 'broader';
  terms?: string[];
  from?: string[];
  to?: string[];
  isEnabled: boolean;
}

interface Thesaurus {
  version: string;
  entries: Entry[];
}

const shownAtOnce = 60;
const fold = (value: string) =>
  value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
const wordsOf = (entry: Entry) => [...(entry.terms ?? []), ...(entry.from ?? []), ...(entry.to ?? [])];
const labelOf = (entry: Entry) =>
  entry.kind === 'equivalent' ? (entry.terms ?? []).join(', ') : `${(entry.from ?? []).join(', ')} → ${(entry.to ?? []).join(', ')}`;

/** For administrators: the shipped thesaurus, each entry switched on or off (GET and PATCH /api/thesaurus). */
export function ThesaurusSection() {
  const csrfToken = useCsrfToken();
  const loaded = useResource<Thesaurus>('/api/thesaurus');
  const [filter, setFilter] = useState('');
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const filterId = useId();
  const hintId = useId();
  const entries = loaded.data?.entries;
  const matching = useMemo(() => {
    const wanted = fold(filter.trim());
    return (entries ?? []).filter((entry) => !wanted || wordsOf(entry).some((word) => fold(word).includes(wanted)));
  }, [entries, filter]);

  async function toggle(entry: Entry, isEnabled: boolean) {
    setError('');
    try {
      loaded.replace(await sendJson<Thesaurus>('PATCH', `/api/thesaurus/${entry.id}`, { isEnabled }, csrfToken));
      setNotice(isEnabled ? text.switchedOn(labelOf(entry)) : text.switchedOff(labelOf(entry)));
    } catch (e) {
      setError(messageOf(e));
    }
  }

  return (
    <section aria-labelledby="thesaurus-titre">
      <h2 id="thesaurus-titre">{text.title}</h2>
      {!loaded.data && !loaded.error && <p role="status">{text.loading}</p>}
      {loaded.error && (
        <p role="alert" className="alert alert--error">
          {loaded.error}
        </p>
      )}
      {loaded.data && entries && (
        <>
          <p>{text.intro(loaded.data.version, entries.length)}</p>
          <div className="field">
            <label htmlFor={filterId}>{text.filter}</label>
            <input
              id={filterId}
              type="search"
              value={filter}
              aria-describedby={hintId}
              onChange={(event) => setFilter(event.target.value)}
            />
            <p id={hintId} className="field__hint">
              {text.filterHint}
            </p>
          </div>
          <FormAlert lead={text.refused} message={error} />
          <p role="status" className={notice ? 'alert alert--success' : undefined}>
            {notice}
          </p>
          <p>{text.shown(Math.min(matching.length, shownAtOnce), entries.length, entries.filter((entry) => !entry.isEnabled).length)}</p>
          <ul className="thesaurus-list">
            {matching.slice(0, shownAtOnce).map((entry) => (
              <li key={entry.id} className="choice">
                <input
                  type="checkbox"
                  id={`thesaurus-${entry.id}`}
                  checked={entry.isEnabled}
                  onChange={(event) => void toggle(entry, event.target.checked)}
                />
                <label htmlFor={`thesaurus-${entry.id}`}>
                  <span className="visually-hidden">{`${text.enabled} : `}</span>
                  {entry.kind === 'equivalent'
                    ? `${text.equivalent} : ${(entry.terms ?? []).join(', ')}`
                    : `${text.broader((entry.from ?? []).join(', '))} : ${(entry.to ?? []).join(', ')}`}
                </label>
              </li>
            ))}
          </ul>
          {matching.length > shownAtOnce && <p>{text.more(matching.length - shownAtOnce)}</p>}
        </>
      )}
    </section>
  );
}
