/**
 * The platform's own metrics, read from PostgreSQL when Prometheus scrapes (one read of each table per scrape): cases
 * started and ended per process and outcome, open and overdue human tasks per process, department and rung, payment
 * incidents open, payments booked per party (count and fen), and the last year the holiday calendar knows.
 * Labels are codes only (process, stage, department): never a case ID or anything about a person.
 */
import { Counter, Gauge, type Registry } from 'prom-client';
import type {
  CasesAtStage,
  OpenTaskCount,
  PartyBookings,
  PartyLedger,
  PlatformFiguresPort,
} from '../../activities/adapters/platform-figures/port';

export interface PlatformMetricsSources {
  figures: PlatformFiguresPort;
  /** Per process code, the stages its cases end at. */
  endStages: ReadonlyMap<string, readonly string[]>;
  /** The paying parties' ledgers. */
  ledgers: readonly PartyLedger[];
  /** The latest year the calendar package carries a schedule for (the city may load a later one). */
  packageCalendarLastYear: () => number | undefined;
}

interface Figures {
  cases: CasesAtStage[];
  tasks: OpenTaskCount[];
  bookings: PartyBookings[];
  calendarLastYear: number | undefined;
}

const PAYMENT_INCIDENT_TASK = 'payment-incident';

type Labels = Record<string, string>;
/** One platform metric: what it is, and its rows (labels and value) in the figures of one scrape. */
interface PlatformMetric {
  type: typeof Counter | typeof Gauge;
  name: string;
  help: string;
  labelNames: readonly string[];
  rows: (figures: Figures) => [Labels, number][];
}

const taskLabels = ['process', 'kind', 'department', 'rung'];
const taskRow = ({ process, kind, department, rung }: OpenTaskCount): Labels => ({
  process,
  kind,
  department,
  rung: String(rung),
});
const perParty = (name: string, help: string, value: (b: PartyBookings) => number): PlatformMetric => ({
  type: Counter,
  name,
  help,
  labelNames: ['party'],
  rows: (f) => f.bookings.map((b) => [{ party: b.party }, value(b)]),
});

function platformMetrics(isEnd: (process: string, stage: string) => boolean): PlatformMetric[] {
  const ended = (f: Figures) => f.cases.filter((c) => isEnd(c.process, c.stage));
  const open = (f: Figures) => f.cases.filter((c) => !isEnd(c.process, c.stage));
  return [
    {
      type: Counter,
      name: 'onething_cases_started_total',
      help: 'Cases started, per process',
      labelNames: ['process'],
      rows: (f) => f.cases.map(({ process, cases }) => [{ process }, cases]),
    },
    {
      type: Counter,
      name: 'onething_cases_ended_total',
      help: 'Cases ended, per process and outcome',
      labelNames: ['process', 'outcome'],
      rows: (f) => ended(f).map((c) => [{ process: c.process, outcome: c.stage }, c.cases]),
    },
    {
      type: Gauge,
      name: 'onething_cases_open',
      help: 'Cases not yet ended, per process and stage',
      labelNames: ['process', 'stage'],
      rows: (f) => open(f).map((c) => [{ process: c.process, stage: c.stage }, c.cases]),
    },
    {
      type: Gauge,
      name: 'onething_tasks_open',
      help: 'Open human tasks',
      labelNames: taskLabels,
      rows: (f) => f.tasks.map((task) => [taskRow(task), task.open]),
    },
    {
      type: Gauge,
      name: 'onething_tasks_overdue',
      help: 'Open human tasks past their deadline',
      labelNames: taskLabels,
      rows: (f) => f.tasks.filter((task) => task.overdue > 0).map((task) => [taskRow(task), task.overdue]),
    },
    {
      type: Gauge,
      name: 'onething_payment_incidents_open',
      help: 'Payment incidents waiting for finance, per process and department',
      labelNames: ['process', 'department'],
      rows: (f) =>
        f.tasks
          .filter((task) => task.kind === PAYMENT_INCIDENT_TASK)
          .map(({ process, department, open }) => [{ process, department }, open]),
    },
    perParty('onething_payments_booked_total', 'Payments booked, per paying party', (b) => b.bookings),
    perParty('onething_payments_booked_fen_total', 'Fen booked, per paying party', (b) => b.bookedFen),
    perParty('onething_payment_reversals_total', 'Bookings reversed, per paying party', (b) => b.reversals),
    perParty('onething_payments_reversed_fen_total', 'Fen reversed, per paying party', (b) => b.reversedFen),
    {
      type: Gauge,
      name: 'onething_holiday_calendar_last_year',
      help: 'The latest year whose statutory holiday schedule is known (loaded by the city or carried by the package)',
      labelNames: [],
      rows: (f) => (f.calendarLastYear === undefined ? [] : [[{}, f.calendarLastYear]]),
    },
  ];
}

/** Registers the platform metrics on the registry; each scrape reads the figures once, shared by all of them. */
export function registerPlatformMetrics(registry: Registry, sources: PlatformMetricsSources): void {
  const figures = oncePerScrape(() => readFigures(sources));
  const isEnd = (process: string, stage: string) => sources.endStages.get(process)?.includes(stage) ?? false;
  for (const { type: Metric, name, help, labelNames, rows } of platformMetrics(isEnd)) {
    new Metric({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        const read = await figures();
        // No await from here on: a scrape running alongside never sees the metric half filled.
        this.reset();
        for (const [labels, value] of rows(read)) this.inc(labels, value);
      },
    });
  }
}

async function readFigures(sources: PlatformMetricsSources): Promise<Figures> {
  const [cases, tasks, bookings, cityYear] = await Promise.all([
    sources.figures.casesByStage(),
    sources.figures.openTasks(),
    sources.figures.bookings(sources.ledgers),
    sources.figures.lastLoadedCalendarYear(),
  ]);
  const known = [cityYear, sources.packageCalendarLastYear()].filter((year) => year !== undefined);
  return { cases, tasks, bookings, calendarLastYear: known.length > 0 ? Math.max(...known) : undefined };
}

/**
 * A scrape collects every metric at once: they share the one read in flight, and the next scrape reads afresh.
 */
function oncePerScrape<T>(load: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | undefined;
  return () =>
    (inFlight ??= load().finally(() => {
      inFlight = undefined;
    }));
}
