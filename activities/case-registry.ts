import type { CaseProgress, CaseProgressPort } from './adapters/case-progress/port';
import type { CaseRegistryPort, CaseStageRecord } from './adapters/case-registry/port';

export function createCaseRegistryActivities(registry: CaseRegistryPort, caseProgress: CaseProgressPort) {
  return {
    /** Runs begun before the patch baseline record each stage on its own. */
    async recordCaseStage(stageRecord: CaseStageRecord): Promise<void> {
      await registry.recordStage(stageRecord);
    },
    async recordCaseProgress(progress: CaseProgress): Promise<void> {
      await caseProgress.record(progress);
    },
  };
}
