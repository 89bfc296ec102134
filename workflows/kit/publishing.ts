/**
 * Where a case shows itself: the stage and the process's attributes as search attributes (for supervisors'
 * filters), current details in the Web UI, and a row in the case registry that API lists read.
 */
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import { proxyActivities, setCurrentDetails, upsertSearchAttributes } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { departmentCall } from './activity-options';
import { SEARCH_ATTRIBUTES } from './search-attributes';
import type { CaseCore } from './case-state';

const { recordCaseStage } = proxyActivities<Activities>({ ...departmentCall, summary: '更新办件台账' });

export type RegistryRecord = Parameters<Activities['recordCaseStage']>[0];

export interface Publication<State> {
  /** Search attributes beyond the stage, refreshed at every stage and task change. */
  attributes(state: State): SearchAttributeUpdatePair[];
  /** The Web UI's current details (Markdown): references and figures, never personal data. */
  details(state: State): string;
  /** The case registry's row, but for the stage and its sequence number, which the kit adds. */
  registry(state: State): Omit<RegistryRecord, 'stage' | 'stageSeq'>;
}

export interface Publisher<Stage extends string> {
  enterStage: (stage: Stage) => Promise<void>;
  /** After a task opens, escalates, falls overdue or closes. */
  publishTaskChange: () => void;
}

export function createPublisher<Stage extends string, State extends CaseCore<Stage, string>>(
  state: State,
  publication: Publication<State>,
): Publisher<Stage> {
  return {
    async enterStage(stage) {
      state.stage = stage;
      state.revision = (state.revision ?? 0) + 1;
      upsertSearchAttributes([
        { key: SEARCH_ATTRIBUTES.stage, value: stage },
        ...publication.attributes(state),
      ]);
      setCurrentDetails(publication.details(state));
      await recordCaseStage({ ...publication.registry(state), stage, stageSeq: state.revision });
    },
    publishTaskChange() {
      setCurrentDetails(publication.details(state));
      const attributes = publication.attributes(state);
      if (attributes.length > 0) upsertSearchAttributes(attributes);
    },
  };
}
