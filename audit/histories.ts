/** Where auditors' histories come from: exported JSON files, or the live service (by ID or visibility query). */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { historyFromJSON, historyToJSON, type History } from '@temporalio/common/lib/proto-utils';

export interface Evidence {
  /** Where it came from: a file path or `live:<workflowId>`. */
  source: string;
  workflowId: string;
  history: History;
  /** SHA-256 of the history's JSON, as exported: ties every report to the evidence it was derived from. */
  sha256: string;
}

export const sha256Of = (json: string) => createHash('sha256').update(json).digest('hex');

/** The workflow type named by the history's first event; '' when the history does not start with it. */
export function workflowTypeOf(evidence: Evidence): string {
  return evidence.history.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name ?? '';
}

/** Exported files are named `<workflowId>.json` with `:` kept; the corpus appends `_<sdk>`. */
export function loadHistoryFile(file: string): Evidence {
  const json = readFileSync(file, 'utf8');
  const history = historyFromJSON(JSON.parse(json));
  const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
  const workflowId = started?.workflowId ?? path.basename(file, '.json');
  return { source: file, workflowId, history, sha256: sha256Of(json) };
}

export async function fetchLiveHistory(client: Client, workflowId: string): Promise<Evidence> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  return { source: `live:${workflowId}`, workflowId, history, sha256: sha256Of(historyToJSON(history)) };
}

export async function workflowIdsMatching(client: Client, query: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const execution of client.workflow.list({ query })) ids.push(execution.workflowId);
  return ids;
}
