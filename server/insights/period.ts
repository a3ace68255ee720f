import type { Knex } from 'knex';
import { addDays, parisStart, rollupTable, type Rollup, type Span } from './rollup';

/** A period of the insights: days of the Region's calendar, `from` to `today` included. */
export interface Period {
  from: string;
  /** The first day read from the log itself (not rolled up yet). */
  today: string;
}

export const periodOf = (today: string, days: number): Period => ({ from: addDays(today, -(days - 1)), today });

interface Segment {
  span: Span;
  from: string;
  to: string;
}

const firstOfMonth = (day: string) => `${day.slice(0, 7)}-01`;
const monthAfter = (day: string) => {
  const date = new Date(`${firstOfMonth(day)}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + 1);
  return date.toISOString().slice(0, 10);
};
/** Monday of a day's week. */
const mondayOf = (day: string) => addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));

/** Splits [from, to) into whole spans where they fit: `inner(x)` is the first span start on or after x, `outer(y)` the last on or before y. */
function split(
  from: string,
  to: string,
  span: Span,
  inner: (day: string) => string,
  outer: (day: string) => string,
  rest: (from: string, to: string) => Segment[],
): Segment[] {
  const start = inner(from);
  const end = outer(to);
  if (start >= end) return rest(from, to);
  return [...rest(from, start), { span, from: start, to: end }, ...rest(end, to)];
}

/**
 * The closed days of a period as roll-up segments: its whole months from the monthly roll-up, the
 * whole weeks left around them from the weekly one, the days left from the daily one. A year reads
 * 12 months and a few days; 30 days read about four weeks and a few days.
 */
export function segmentsOf(period: Period): Segment[] {
  const days = (from: string, to: string): Segment[] => (from < to ? [{ span: 'day', from, to }] : []);
  const weeks = (from: string, to: string) =>
    split(from, to, 'week', (day) => (mondayOf(day) === day ? day : addDays(mondayOf(day), 7)), mondayOf, days);
  return split(period.from, period.today, 'month', (day) => (firstOfMonth(day) === day ? day : monthAfter(day)), firstOfMonth, weeks);
}

/**
 * The SQL of a period's rows of a roll-up (the columns asked, under a condition on its columns), as a
 * `union all` of its segments; the log's rows of today are left to the caller, whose columns differ.
 */
export function rolledUpRows(rollup: Rollup, period: Period, columns: string, where: { sql: string; bindings: Knex.RawBinding[] }) {
  const segments = segmentsOf(period);
  // One day: nothing rolled up to read, an empty range keeps the SQL whole.
  if (segments.length === 0) segments.push({ span: 'day', from: period.today, to: period.today });
  const parts = segments.map((segment) => {
    const { table, dayColumn } = rollupTable(rollup, segment.span);
    return {
      sql: `select ${columns} from ${table} where ${dayColumn} >= ? and ${dayColumn} < ?${where.sql}`,
      bindings: [segment.from, segment.to, ...where.bindings],
    };
  });
  return { sql: parts.map((part) => part.sql).join('\n union all '), bindings: parts.flatMap((part) => part.bindings) };
}

/** The condition on the log's rows of the days not rolled up yet. */
export const liveRows = (period: Period) => ({ sql: `created_at >= ${parisStart('?::date')} and query <> ''`, bindings: [period.today] });
