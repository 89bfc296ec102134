/** How an application ends short of payment: refused with its reasons, or withdrawn by the provider. */
import type { Department } from '../../../workflows/kit/vocabulary';
import type { Application } from './application-case';

export async function refuseApplication(
  { state, theCase }: Application,
  by: Department,
  reasons: string[],
): Promise<void> {
  await theCase.closeTask('done');
  state.refusal = { by, reasons };
  await theCase.enterStage('refused');
}

export async function withdraw({ state, theCase }: Application, reason: string, by: string): Promise<void> {
  await theCase.closeTask('cancelled');
  state.withdrawal = { reason, by };
  await theCase.enterStage('withdrawn');
}
