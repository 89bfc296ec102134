import type { HumanTask, TaskBoardPort } from './adapters/task-board/port';

export function createTaskBoardActivities(taskBoard: TaskBoardPort) {
  return {
    async upsertHumanTask(task: HumanTask): Promise<void> {
      await taskBoard.upsertTask(task);
    },
    async closeHumanTask(request: { taskId: string; status: 'done' | 'cancelled' }): Promise<void> {
      await taskBoard.closeTask(request.taskId, request.status);
    },
  };
}
