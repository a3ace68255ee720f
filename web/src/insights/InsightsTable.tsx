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
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                {headers.map((header, i) => (
                  <th key={header} scope="col" className={typeof rows[0]?.[i] === 'number' ? 'table__number' : undefined}>
                    {header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
