import type { ReactNode } from 'react';

/** A column header; a number column is right-aligned. */
export type Column = string | { label: string; isNumber: boolean };

/**
 * A data table that scrolls sideways on a narrow screen: its caption (for screen readers, or shown
 * when the page has no heading that says it), its column headers, and the rows (<tr>, the first
 * cell a row header) the caller draws.
 */
export function Table({
  caption,
  isCaptionShown = false,
  columns,
  className,
  children,
}: {
  caption: string;
  isCaptionShown?: boolean;
  columns: Column[];
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className="table-scroll">
      <table className={className ? `table ${className}` : 'table'}>
        <caption className={isCaptionShown ? undefined : 'visually-hidden'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, i) =>
              typeof column === 'string' ? (
                <th key={i} scope="col">
                  {column}
                </th>
              ) : (
                <th key={i} scope="col" className={column.isNumber ? 'table__number' : undefined}>
                  {column.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
