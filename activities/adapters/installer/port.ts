import type { District } from '../../../workflows/definitions';

export interface InstallerTeam {
  teamId: string;
  district: District;
  /** Households the team can visit per day. */
  dailyCapacity: number;
}

export interface Booking {
  bookingId: string;
  teamId: string;
  /** Visit day, YYYY-MM-DD (Beijing time). */
  day: string;
}

export interface BookSlotRequest {
  idempotencyKey: string;
  caseId: string;
  district: District;
  /** First acceptable day; default (and minimum) tomorrow in Beijing time. */
  earliestDay?: string;
}

export interface CompletionReport {
  idempotencyKey: string;
  caseId: string;
  bookingId: string;
  serials: Record<string, string>;
  reportedBy: string;
}

/** How far ahead a booking looks for a free slot. */
export const BOOKING_HORIZON_DAYS = 30;

export class NoInstallerCapacityError extends Error {
  constructor(district: District) {
    super(`no installer team in ${district} has a free slot within ${BOOKING_HORIZON_DAYS} days`);
    this.name = 'NoInstallerCapacityError';
  }
}

/** The installers' scheduling system: teams per district, each with a daily capacity. */
export interface InstallerPort {
  upsertTeams(teams: readonly InstallerTeam[]): Promise<void>;
  /** Books the earliest free slot of a team of the district; never overbooks, even under concurrent calls. */
  bookSlot(request: BookSlotRequest): Promise<Booking>;
  /** Ends a live booking: `released` frees the slot (reschedule, cancel); `missed` keeps it used (team went). */
  endBooking(bookingId: string, status: 'released' | 'missed'): Promise<void>;
  recordCompletion(report: CompletionReport): Promise<void>;
  /** Frees the slot a booking request took, if it took one (a case cancelled while its booking was pending). */
  releaseByKey(idempotencyKey: string): Promise<void>;
}
