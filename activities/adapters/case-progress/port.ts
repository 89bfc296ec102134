import type { CaseStageRecord } from '../case-registry/port';
import type { HumanTask } from '../task-board/port';

export interface ClosedTask {
  task: HumanTask;
  status: 'done' | 'cancelled';
}

/** What a case tells the platform's read models at once: its registry row and its task changes since it last told. */
export interface CaseProgress {
  /** The registry row as the case now stands; ignored when the registry has this stage sequence or a newer one. */
  record: CaseStageRecord;
  /** The open task, opened or escalated since the case last told. */
  openTask?: HumanTask;
  /** Tasks closed since the case last told. */
  closedTasks?: ClosedTask[];
}

/** The case registry and the task board written together, so they never show a case half told. */
export interface CaseProgressPort {
  /** Idempotent: telling the same progress twice, or an older one late, changes nothing more. */
  record(progress: CaseProgress): Promise<void>;
}
