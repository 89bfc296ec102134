/**
 * The platform's health in figures, read from the tables the workflows keep current (the case registry, the task
 * board, the paying departments' ledgers, the loaded calendar years): what operators scrape, never a case's contents.
 */

export interface CasesAtStage {
  process: string;
  stage: string;
  cases: number;
}

export interface OpenTaskCount {
  /** The process of the task's case ('unknown' only if the case was never registered). */
  process: string;
  kind: string;
  department: string;
  rung: number;
  open: number;
  overdue: number;
}

/** A paying party's ledger: the party's name in the figures, and the table (or view) that holds its entries. */
export interface PartyLedger {
  party: string;
  table: string;
}

export interface PartyBookings {
  party: string;
  bookings: number;
  bookedFen: number;
  reversals: number;
  reversedFen: number;
}

export interface PlatformFiguresPort {
  casesByStage(): Promise<CasesAtStage[]>;
  openTasks(): Promise<OpenTaskCount[]>;
  bookings(ledgers: readonly PartyLedger[]): Promise<PartyBookings[]>;
  /** The latest year the city has loaded a holiday schedule for, if any. */
  lastLoadedCalendarYear(): Promise<number | undefined>;
}
