/**
 * Which payload scopes a supervisor or auditor may see decoded: the departments of the scope's process, with reach
 * over its district. Petitions decode for the petition office alone (the handling departments read the petitions
 * they hold through the API, which knows who holds what); the platform's own scope for its operator.
 */
import type { Actor, Department } from '../../workflows/definitions';
import { CHILDCARE_DEPARTMENTS } from '../../processes/childcare/workflow/rules';
import { GAS_RETROFIT_DEPARTMENTS } from '../../processes/gas-retrofit/workflow/rules';
import type { PayloadScope, ScopedProcess } from '../../platform/codec/payload-scope';

export const SCOPE_READERS: Record<ScopedProcess, readonly Department[]> = {
  'gas-retrofit': GAS_RETROFIT_DEPARTMENTS,
  childcare: CHILDCARE_DEPARTMENTS,
  petition: ['petition-office'],
  platform: ['big-data-bureau'],
};

export function mayDecode(actor: Pick<Actor, 'department' | 'district'>, scope: PayloadScope): boolean {
  const reach = actor.district === 'city' || actor.district === scope.district;
  return reach && SCOPE_READERS[scope.process].includes(actor.department);
}
