/**
 * Which process and district a payload belongs to, read from the workflow ID that owns it. Each scope has a key of
 * its own (derived from the master key), so the codec server can decode a jinshui supervisor's cases and leave
 * erqi's, or another process's, as ciphertext.
 */
import { DISTRICT_CODES, type District } from '../../workflows/definitions';

export const SCOPED_PROCESSES = [
  'gas-retrofit',
  'childcare',
  'petition',
  'policy-payout',
  'platform',
] as const;
export type ScopedProcess = (typeof SCOPED_PROCESSES)[number];

export interface PayloadScope {
  process: ScopedProcess;
  /** `city` for what belongs to no one district (the weekly petition index, the platform's own workflows). */
  district: District | 'city';
}

/** Workflow ID kinds (the part before the first `:`), longest first so a prefix never shadows a longer kind. */
const KINDS: readonly { kind: string; process: ScopedProcess }[] = [
  { kind: 'gas-retrofit-campaign', process: 'gas-retrofit' },
  { kind: 'gas-retrofit', process: 'gas-retrofit' },
  { kind: 'childcare', process: 'childcare' },
  // The weekly index runs from a schedule, which appends the start time to the ID: match the prefix.
  { kind: 'petition-weekly-index', process: 'petition' },
  { kind: 'petition', process: 'petition' },
  { kind: 'policy-round', process: 'policy-payout' },
  { kind: 'policy', process: 'policy-payout' },
];

const isDistrict = (code: string | undefined): code is District =>
  code !== undefined && (DISTRICT_CODES as string[]).includes(code);

export function scopeOfWorkflowId(workflowId: string): PayloadScope {
  const [head = '', second] = workflowId.split(':');
  const match = KINDS.find(({ kind }) => head === kind || head.startsWith(`${kind}-`));
  if (!match) return { process: 'platform', district: 'city' };
  return { process: match.process, district: isDistrict(second) ? second : 'city' };
}

export const formatScope = (scope: PayloadScope): string => `${scope.process}/${scope.district}`;

export function parseScope(text: string): PayloadScope | undefined {
  const [process, district, ...rest] = text.split('/');
  if (rest.length > 0 || !(SCOPED_PROCESSES as readonly string[]).includes(process ?? '')) return undefined;
  if (district !== 'city' && !isDistrict(district)) return undefined;
  return { process: process as ScopedProcess, district };
}
