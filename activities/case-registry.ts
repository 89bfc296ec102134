import type { CaseRegistryPort, CaseStageRecord } from './adapters/case-registry/port';
import type { TaskBoardPort } from './adapters/task-board/port';
import { recorderOfCaseProgress, type CaseProgress } from './case-progress';

export function createCaseRegistryActivities(registry: CaseRegistryPort, taskBoard: TaskBoardPort) {
  const record = recorderOfCaseProgress(registry, taskBoard);
  return {
    /** Runs begun before the patch baseline record each stage on its own. */
    async recordCaseStage(stageRecord: CaseStageRecord): Promise<void> {
      await registry.recordStage(stageRecord);
    },
    async recordCaseProgress(progress: CaseProgress): Promise<void> {
      await record(progress);
    },
  };
}
