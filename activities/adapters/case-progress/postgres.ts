import type { Db } from '../../db/connection';
import { PostgresCaseRegistry } from '../case-registry/postgres';
import { PostgresTaskBoard } from '../task-board/postgres';
import type { CaseProgress, CaseProgressPort } from './port';

/** One transaction: a department call that carries progress risks one write to the read models, not three. */
export class PostgresCaseProgress implements CaseProgressPort {
  constructor(private readonly db: Db) {}

  async record(progress: CaseProgress): Promise<void> {
    const closedTasks = progress.closedTasks ?? [];
    const tell = async (db: Db) => {
      const taskBoard = new PostgresTaskBoard(db);
      for (const { task, status } of closedTasks) await taskBoard.recordClosedTask(task, status);
      if (progress.openTask) await taskBoard.upsertTask(progress.openTask);
      await new PostgresCaseRegistry(db).recordStage(progress.record);
    };
    // One statement is atomic on its own: most progress is a stage alone, and BEGIN and COMMIT would double its trips.
    const tasksChange = closedTasks.length > 0 || progress.openTask !== undefined;
    await (tasksChange ? this.db.transaction(tell) : tell(this.db));
  }
}
