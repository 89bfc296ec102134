/** Workflow time (deterministic: Date.now() in the workflow sandbox is the task's time). */
export const DAY_MS = 24 * 60 * 60 * 1000;

export const now = (): string => new Date(Date.now()).toISOString();
export const inDays = (days: number): string => daysAfter(now(), days);
/** The instant `days` calendar days after another. */
export const daysAfter = (iso: string, days: number): string =>
  new Date(Date.parse(iso) + days * DAY_MS).toISOString();

export const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The Beijing calendar day of an instant (YYYY-MM-DD): days, years and deadlines turn at Beijing midnight. */
export function beijingDay(instant: Date): string {
  return new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}
export const msUntil = (iso: string): number => Math.max(0, Date.parse(iso) - Date.now());
