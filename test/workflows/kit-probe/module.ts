/**
 * The kit's test-only process, declared as every process is: its workflow, no activities of its own (the
 * platform's deadline and task-board activities serve it), no HTTP surface. Not in processes/index.ts: only the
 * kit's tests run it.
 */
import type { ProcessModule } from '../../../processes';

export const kitProbe: ProcessModule = {
  name: 'kit-probe',
  workflowTypes: ['kitProbe'],
  workflowsPath: require.resolve('./workflows'),
  activities: () => ({}),
  caseKinds: [],
  api: [],
  payloadScope: { scope: 'platform', readers: ['big-data-bureau'] },
  endStages: {},
  auditProfiles: [],
};
