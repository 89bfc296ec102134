/**
 * Which payload scopes a supervisor or auditor may see decoded: the departments each process names as its
 * payloads' readers (its module's `payloadScope`), with reach over the scope's district. The platform's own scope
 * is read by its operator.
 */
import type { Actor, Department } from '../../workflows/definitions';
import type { PayloadScope, ScopedProcess } from '../../platform/codec/payload-scope';

export type ScopeReaders = Readonly<Partial<Record<ScopedProcess, readonly Department[]>>>;

export interface DeclaredScope {
  scope: ScopedProcess;
  readers: readonly Department[];
}

/** The processes' declared readers of their scopes, beside the platform's own scope, read by its operator. */
export function scopeReaders(declared: readonly DeclaredScope[]): ScopeReaders {
  const readers: Partial<Record<ScopedProcess, readonly Department[]>> = { platform: ['big-data-bureau'] };
  for (const { scope, readers: departments } of declared) readers[scope] = departments;
  return readers;
}

export function mayDecode(
  actor: Pick<Actor, 'department' | 'district'>,
  scope: PayloadScope,
  readers: ScopeReaders,
): boolean {
  const reach = actor.district === 'city' || actor.district === scope.district;
  return reach && (readers[scope.process] ?? []).includes(actor.department);
}
