import { Table } from '../ui/Table';

interface Props {
  id: string;
  title: string;
  caption: string;
  empty: string;
  headers: [string, ...string[]];
  /** First cell: the query (a row header); numbers are right-aligned. */
  rows: (string | number)[][];
}

/** One table of the insights screen, under its heading, or a sentence when it is empty. */
export function InsightsTable({ id, title, caption, empty, headers, rows }: Props) {
  return (
    <section aria-labelledby={id} className="panel">
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <Table caption={caption} columns={headers.map((label, i) => ({ label, isNumber: typeof rows[0]?.[i] === 'number' }))}>
          {rows.map(([query, ...cells]) => (
            <tr key={String(query)}>
              <th scope="row" className="break">
                {query}
              </th>
              {cells.map((cell, i) => (
                <td key={i} className={typeof cell === 'number' ? 'table__number' : undefined}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
