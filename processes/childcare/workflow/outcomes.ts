/** How an application ends short of payment: refused with its reasons, or withdrawn by the provider. */
import type { Department } from '../../../workflows/kit/vocabulary';
import type { Application } from './application-case';

export async function refuseApplication(
  { state, kase }: Application,
  by: Department,
  reasons: string[],
): Promise<void> {
  await kase.closeTask('done');
  state.refusal = { by, reasons };
  await kase.enterStage('refused');
}

export async function withdraw({ state, kase }: Application, reason: string, by: string): Promise<void> {
  await kase.closeTask('cancelled');
  state.withdrawal = { reason, by };
  await kase.enterStage('withdrawn');
}
