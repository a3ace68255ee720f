import { formatDate, formatDateTime } from '../ui/labels';
import type { Gap, UnansweredQuery } from './types';
import { Table } from '../ui/Table';

const text = {
  title: 'Recherchées sans réponse',
  intro: 'Sans résultat, ou seulement des résultats approchants (fautes de frappe, pertinence trop faible).',
  caption: (days: number) => `Recherches sans réponse sur les ${days} derniers jours, et la suite donnée`,
  empty: 'Toutes les recherches de la période ont trouvé une réponse.',
  query: 'Recherche',
  searches: 'Nombre de recherches',
  last: 'Dernière recherche',
  followUp: 'Suite donnée',
  act: 'Donner suite',
  actOn: (query: string) => `Donner suite à « ${query} »`,
  gap: (gap: Gap) =>
    gap.action === 'keyword'
      ? `Mot-clé de « ${gap.scheme?.name ?? 'un dispositif supprimé'} »`
      : gap.action === 'synonym'
        ? `Synonyme de ${(gap.terms ?? []).join(', ')}`
        : `Confiée à ${gap.directorate?.name ?? ''}${gap.note ? ` : ${gap.note}` : ''}`,
  by: (gap: Gap) => `${gap.actedBy ?? 'Un utilisateur supprimé'}, le ${formatDate(gap.actedAt)}`,
};

/** The queries agents searched without an answer, with what was done about each, or a button to act. */
export function UnansweredTable({ days, rows, onAct }: { days: number; rows: UnansweredQuery[]; onAct(query: string): void }) {
  return (
    <section aria-labelledby="sans-reponse" className="panel">
      <h2 id="sans-reponse">{text.title}</h2>
      <p>{text.intro}</p>
      {rows.length === 0 ? (
        <p>{text.empty}</p>
      ) : (
        <Table caption={text.caption(days)} columns={[text.query, { label: text.searches, isNumber: true }, text.last, text.followUp]}>
          {rows.map((row) => (
            <tr key={row.query}>
              <th scope="row" className="break">
                {row.query}
              </th>
              <td className="table__number">{row.searches}</td>
              <td>{formatDateTime(row.lastSearchedAt)}</td>
              <td>
                {row.gap && (
                  <>
                    {text.gap(row.gap)}
                    <span className="table__hint">{text.by(row.gap)}</span>
                  </>
                )}
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-label={text.actOn(row.query)}
                  onClick={() => onAct(row.query)}
                >
                  {text.act}
                </button>
              </td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
