/** The workbench's places, in the URL's hash so that the API serves one page: #/tasks, #/cases/…, #/start/…. */
import { useSyncExternalStore } from 'react';

export type Place =
  { page: 'tasks' } | { page: 'case'; process: string; caseId: string } | { page: 'start'; process: string };

export const caseHref = (process: string, caseId: string): string =>
  `#/cases/${encodeURIComponent(process)}/${encodeURIComponent(caseId)}`;
export const startHref = (process: string): string => `#/start/${encodeURIComponent(process)}`;
export const TASKS_HREF = '#/tasks';

function placeOf(hash: string): Place {
  const [page, ...rest] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (page === 'cases' && rest.length === 2) return { page: 'case', process: rest[0]!, caseId: rest[1]! };
  if (page === 'start' && rest.length === 1) return { page: 'start', process: rest[0]! };
  return { page: 'tasks' };
}

const subscribe = (changed: () => void) => {
  window.addEventListener('hashchange', changed);
  return () => window.removeEventListener('hashchange', changed);
};

export function usePlace(): Place {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return placeOf(hash);
}

export function goTo(href: string): void {
  window.location.hash = href;
}
