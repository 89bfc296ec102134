/** Workflow time (deterministic: Date.now() in the workflow sandbox is the task's time). */
const DAY_MS = 24 * 60 * 60 * 1000;

export const now = (): string => new Date(Date.now()).toISOString();
export const inDays = (days: number): string => new Date(Date.now() + days * DAY_MS).toISOString();
export const msUntil = (iso: string): number => Math.max(0, Date.parse(iso) - Date.now());
