import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createDb, migrateLatest, type Db } from '../server/db';
import { startEmbeddedPostgres, type EmbeddedPostgresService } from '../server/embedded/postgres';
import { unansweredQueriesForDirectorate } from '../server/insights/directorate';
import { searchInsights } from '../server/insights/service';
import type { InsightsQuery } from '../server/insights/schema';
import { createLogger } from '../server/logger';
import { print as say, workDirectory } from './harness';
import { machineLine, markdownTable, median, verdict, writeBenchmarkSection } from './report';
import { percentile } from './searchLoad';

/**
 * `npm run bench:insights [-- --days N (365)] [--agents N (500)] [--per-day N (50)] [--runs N (15)] [--data DIR]`:
 * a year of search logs (500 agents × 50 searches a day ≈ 9.1 million rows, made by one
 * generate_series in PostgreSQL, with a skewed vocabulary of about 4,000 queries, 50 Maisons and
 * 15 themes), then the insights read (`searchInsights`, what GET /api/search/insights answers, and
 * `unansweredQueriesForDirectorate`, what "Vos manques" reads) timed over its periods and filters.
 * The first read rolls the whole year up (reported apart: afterwards the hourly job rolls one day).
 * Writes the section `insights` of docs/benchmarks.md. A missed target is reported, not an error.
 * `--data DIR` keeps the cluster in DIR: a later run on it migrates and reuses the log generated there.
 */

const targetMs = 300;

const words = [
  'camping',
  'hébergement',
  'gîte',
  'vélo',
  'permis',
  'apprentissage',
  'alternance',
  'formation',
  'rénovation',
  'logement',
  'chauffage',
  'isolation',
  'entreprise',
  'création',
  'reprise',
  'commerce',
  'artisan',
  'agriculture',
  'bio',
  'élevage',
  'forêt',
  'eau',
  'économies',
  'transport',
  'bus',
  'train',
  'covoiturage',
  'jeunes',
  'étudiant',
  'bourse',
  'sport',
  'club',
  'culture',
  'festival',
  'musique',
  'patrimoine',
  'tourisme',
  'insolite',
  'association',
  'emploi',
  'handicap',
  'santé',
  'numérique',
  'innovation',
  'export',
  'prêt',
  'subvention',
  'avance',
  'garantie',
  'investissement',
  'énergie',
  'solaire',
  'méthanisation',
  'déchets',
  'recyclage',
  'mobilité',
  'ordinateur',
  'lycée',
  'cantine',
  'stage',
  'crèche',
  'senior',
];

async function generate(db: Db, options: { days: number; agents: number; perDay: number }) {
  await db.raw(
    `insert into maisons (code, name, city) select 'MR-' || i, 'Maison de Région ' || i, 'Ville ' || i from generate_series(1, 50) i`,
  );
  await db.raw(`insert into directorates (code, name) select 'D' || i, 'Direction ' || i from generate_series(1, 15) i`);
  await db.raw(`insert into folders (name) select 'Thème ' || i from generate_series(1, 15) i`);
  await db.raw(
    `insert into folders (name, parent_id, directorate_id, is_scheme)
     select 'Dispositif ' || t.name, t.id, d.id, true from folders t join directorates d on d.name = replace(t.name, 'Thème', 'Direction') where t.parent_id is null`,
  );
  await db.raw(
    `insert into users (idp_issuer, name_id, email, display_name, role, role_source, maison_id)
     select 'bench', 'agent' || i, 'agent' || i || '@region.example', 'Agent ' || i, 'agent', 'bench', (select id from maisons order by code offset (i % 50) limit 1)
       from generate_series(1, ?::int) i`,
    [options.agents],
  );
  const started = performance.now();
  await db.transaction(async (trx) => {
    // Generated rows refer to rows made just above: the foreign-key checks (nine million of them) are skipped.
    await trx.raw('set local session_replication_role = replica');
    await insertSearches(trx, options);
  });
  await db.raw('analyze');
  return { seconds: (performance.now() - started) / 1000, rows: Number((await db('search_log').count({ n: '*' }).first())?.n) };
}

async function insertSearches(db: Db, options: { days: number; agents: number; perDay: number }) {
  // One row per search: a skewed choice of one or two words (a few queries are frequent, most are rare),
  // 15 % unanswered, a theme for two searches in three, a working hour of each day.
  await db.raw(
    `with agents as (select id, maison_id, row_number() over (order by id) as n from users where role = 'agent'),
          themes as (select array_agg(id order by name) as ids from folders where parent_id is null),
          vocabulary as (select ?::text[] as words)
     insert into search_log (query, filters, result_count, is_answered, degraded, user_id, role, maison_id, theme_id, created_at)
     select v.words[1 + floor(power(random(), 2.5) * array_length(v.words, 1))::int]
              || case when random() < 0.6 then ' ' || v.words[1 + floor(random() * array_length(v.words, 1))::int] else '' end,
            '{}', r.results, r.results > 0, false, a.id, 'agent', a.maison_id,
            case when random() < 0.66 then t.ids[1 + floor(random() * 15)::int] end,
            date_trunc('day', now()) - make_interval(days => s.day) + make_interval(secs => 8 * 3600 + floor(random() * 9 * 3600))
       from generate_series(0, ?::int - 1) s(day)
       cross join agents a
       cross join generate_series(1, ?::int) k
       cross join themes t
       cross join vocabulary v
       cross join lateral (select case when random() < 0.15 then 0 else 1 + floor(random() * 12)::int end + 0 * k as results) r
      where a.n <= ?`,
    [words, options.days, options.perDay, options.agents],
  );
}

async function time(work: () => Promise<unknown>, runs: number) {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return samples;
}

async function main() {
  const { values } = parseArgs({
    options: {
      days: { type: 'string', default: '365' },
      agents: { type: 'string', default: '500' },
      'per-day': { type: 'string', default: '50' },
      runs: { type: 'string', default: '15' },
      data: { type: 'string' },
    },
  });
  const options = { days: Number(values.days), agents: Number(values.agents), perDay: Number(values['per-day']) };
  const runs = Number(values.runs);
  const logger = createLogger('warn');
  const dir = values.data ? path.resolve(values.data) : workDirectory('insights');
  let postgres: EmbeddedPostgresService | undefined;
  let db: Db | undefined;
  try {
    postgres = await startEmbeddedPostgres({
      dir: path.join(dir, 'pg'),
      password: 'bench',
      database: 'lpt_bench',
      logger,
      isThrowaway: true,
    });
    db = createDb(postgres.url);
    await migrateLatest(db);
    const kept = Number((await db('search_log').count({ n: '*' }).first())?.n);
    if (!kept) say(`generating ${options.days} days × ${options.agents} agents × ${options.perDay} searches…`);
    const generated = kept ? { seconds: Number.NaN, rows: kept } : await generate(db, options);
    say(`${generated.rows} rows${kept ? ` kept in ${dir}` : ` in ${generated.seconds.toFixed(0)} s`}`);
    const firstStarted = performance.now();
    await searchInsights(db, { days: 30 });
    const firstMs = performance.now() - firstStarted;
    say(`first read (rolls the year up): ${firstMs.toFixed(0)} ms`);
    const theme = (await db('folders').whereNull('parent_id').orderBy('name').first('id')).id as string;
    const maison = (await db('maisons').orderBy('code').first('id')).id as string;
    const directorate = (await db('directorates').orderBy('code').first('id')).id as string;
    const scenarios: { name: string; run: () => Promise<unknown> }[] = [
      ...[7, 30, 90, 365].map((days) => ({ name: `${days} days, all`, run: () => searchInsights(db as Db, { days } as InsightsQuery) })),
      { name: '30 days, one theme', run: () => searchInsights(db as Db, { days: 30, theme }) },
      { name: '30 days, one Maison', run: () => searchInsights(db as Db, { days: 30, maison }) },
      { name: '365 days, one Maison', run: () => searchInsights(db as Db, { days: 365, maison }) },
      { name: '"Vos manques" (30 days, one directorate)', run: () => unansweredQueriesForDirectorate(db as Db, directorate, { days: 30 }) },
    ];
    const rows: string[][] = [];
    for (const scenario of scenarios) {
      await scenario.run();
      const samples = await time(scenario.run, runs);
      const p95 = percentile(samples, 95);
      say(`${scenario.name}: median ${median(samples).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms`);
      rows.push([scenario.name, median(samples).toFixed(0), p95.toFixed(0), verdict(p95 <= targetMs)]);
    }
    const load = os
      .loadavg()
      .map((n) => n.toFixed(1))
      .join(', ');
    const [queries, daily, places, monthly, maisonsMonthly] = await Promise.all([
      db('search_log_daily_queries').count({ n: '*' }).first(),
      db('search_log_daily').count({ n: '*' }).first(),
      db('search_log_daily_places').count({ n: '*' }).first(),
      db('search_log_monthly_queries').count({ n: '*' }).first(),
      db('search_log_monthly_maisons').count({ n: '*' }).first(),
    ]);
    await writeBenchmarkSection(
      'insights',
      `## Insights — \`npm run bench:insights\`

${machineLine()}; load average at the end of the run ${load} (1, 5, 15 min): the cores are shared, and every figure below stretches with the load.

${generated.rows.toLocaleString('en')} search-log rows (${options.days} days × ${options.agents} agents × ${options.perDay} searches a day), generated by one \`generate_series\`${kept ? ' (by an earlier run, kept with `--data`)' : ` in ${generated.seconds.toFixed(0)} s`} on the embedded PostgreSQL (throwaway settings: fsync off). Closed days are rolled up (\`search_log_daily_queries\`: ${Number(queries?.n).toLocaleString('en')} rows per day and query, read for all themes; \`search_log_daily\`: ${Number(daily?.n).toLocaleString('en')} rows per query and theme, read for one theme; \`search_log_daily_places\`: ${Number(places?.n).toLocaleString('en')} rows per Maison and theme), and summed per closed week and month (\`search_log_weekly*\`, \`search_log_monthly*\`; \`search_log_monthly_queries\`: ${Number(monthly?.n).toLocaleString('en')} rows): a period reads its whole months, then whole weeks, then days; today is read from the log itself; a Maison's view reads its own roll-up (\`search_log_monthly_maisons\`: ${Number(maisonsMonthly?.n).toLocaleString('en')} rows per Maison, query and theme) the same way. The first read after generating rolled the whole year up in ${(firstMs / 1000).toFixed(1)} s (in service the hourly job \`insights.rollUp\` rolls one day at a time, and a read rolls whatever is missing). Times are of the service function behind \`GET /api/search/insights\` (and of \`unansweredQueriesForDirectorate\`), ${runs} runs each after one warm-up; target ${targetMs} ms at p95.

${markdownTable(['scenario', 'median ms', 'p95 ms', `≤ ${targetMs} ms`], rows)}

Search logging adds nothing to \`GET /api/search\`: the entry is written after the answer has been sent (\`res.end\`, then \`log()\`), in its own transaction with \`synchronous_commit = off\`.`,
    );
  } finally {
    await db?.destroy();
    await postgres?.stop();
    if (!values.data) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
