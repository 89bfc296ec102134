/** What the API says about its kinds of case (GET /v1/case-kinds) and what the signed-in person may do with them. */
import type { Person } from './session';

interface Permission {
  role: string;
  departments: string[];
}

export interface CaseKind {
  process: string;
  name: string;
  casesPath: string;
  startedBy?: { roles: string[]; departments?: string[] };
  stages: Record<string, string>;
  actions: Record<string, string>;
  taskKinds: Record<string, string>;
  fields: Record<string, string>;
  values: Record<string, Record<string, string>>;
  personalData?: { path: string; name: string; unmaskable: boolean };
  rules: Record<string, { permissions: Permission[]; stages: string[] }>;
}

export interface PlatformWords {
  kinds: CaseKind[];
  departments: Record<string, string>;
  districts: Record<string, string>;
  roles: Record<string, string>;
}

const holds = (person: Person, permission: Permission): boolean =>
  person.roles.includes(permission.role) && permission.departments.includes(person.department);

/** The decisions this person may take on a case of this kind at this stage (the workflow checks again). */
export function decisionsOpenTo(person: Person, kind: CaseKind, stage: string): string[] {
  return Object.entries(kind.rules)
    .filter(([, rule]) => rule.stages.includes(stage) && rule.permissions.some((p) => holds(person, p)))
    .map(([action]) => action);
}

/** The kinds of case this person may start. */
export function kindsStartedBy(person: Person, kinds: readonly CaseKind[]): CaseKind[] {
  return kinds.filter(
    ({ startedBy }) =>
      startedBy !== undefined &&
      person.roles.some((role) => startedBy.roles.includes(role)) &&
      (startedBy.departments?.includes(person.department) ?? true),
  );
}

/** The kind of case a task or a case ID belongs to. */
export function kindOf(words: PlatformWords, process: string | undefined): CaseKind | undefined {
  return words.kinds.find((kind) => kind.process === process);
}
