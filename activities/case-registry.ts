import type { CaseRegistryPort, CaseStageRecord } from './adapters/case-registry/port';

export function createCaseRegistryActivities(registry: CaseRegistryPort) {
  return {
    async recordCaseStage(record: CaseStageRecord): Promise<void> {
      await registry.recordStage(record);
    },
  };
}
