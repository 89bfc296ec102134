/**
 * The petitions' rules table, limits and ladders. Reply limits per kind follow 12345-hotline practice (docs/sources.md);
 * the rest are *assumptions*, each a named figure: acceptance limits, how many transfers before the petition office
 * takes a petition itself, the longest extension, and the supervision ladder's rungs and deadlines.
 */
import type { FieldRule } from '../../../workflows/kit/refusals';
import type { DecisionRules } from '../../../workflows/kit/access';
import type { TaskLadder } from '../../../workflows/kit/ladder';
import type { Department } from '../../../workflows/kit/vocabulary';
import type { PetitionAction, PetitionKind, PetitionStage } from './contract';

/** Working days from receipt: to accept (受理) and to reply (答复). */
export const PETITION_LIMITS: Record<
  PetitionKind,
  { acceptanceWorkingDays: number; replyWorkingDays: number }
> = {
  consultation: { acceptanceWorkingDays: 1, replyWorkingDays: 2 },
  help: { acceptanceWorkingDays: 2, replyWorkingDays: 10 },
  suggestion: { acceptanceWorkingDays: 2, replyWorkingDays: 10 },
  complaint: { acceptanceWorkingDays: 2, replyWorkingDays: 15 },
  report: { acceptanceWorkingDays: 2, replyWorkingDays: 15 },
};

export const PETITION_POLICY = {
  /** Transfers after which the petition office's supervisors place the petition themselves (no more passing on). */
  maxTransfers: 2,
  /** The one extension of the reply deadline (信访工作条例: at most 30 days; here in working days). */
  maxExtensionWorkingDays: 20,
  /** How long the petition office has to record the petitioner's rating (回访). */
  ratingWorkingDays: 5,
  /** Each supervision rung's own deadline. */
  supervisionWorkingDays: 2,
  /** 信访工作条例: a review or re-review is requested within 30 days, and decided within 30 days. */
  reviewRequestDays: 30,
  reviewDecisionDays: 30,
} as const;

/** Departments petitions are routed to, and the petition office itself. */
export const HANDLING_DEPARTMENTS: readonly Department[] = [
  'petition-office',
  'traffic-police',
  'urban-management',
  'housing',
  'ecology-environment',
  'heating',
  'human-resources',
  'education',
  'health-commission',
  'market-regulation',
  'civil-affairs',
];

const handlers = [
  { role: 'clerk' as const, departments: HANDLING_DEPARTMENTS },
  // A petition passed on too often is placed by the petition office's supervisors themselves.
  { role: 'supervisor' as const, departments: ['petition-office'] as const },
];
const supervisors = [{ role: 'supervisor' as const, departments: ['petition-office'] as const }];
const OPEN: readonly PetitionStage[] = ['awaiting-acceptance', 'handling'];
const press = [{ role: 'reporter' as const, departments: ['public-supervision'] as const }];
const PRESS_STAGES: readonly PetitionStage[] = [...OPEN, 'replied', 'completed', 'reviewed'];

export const PETITION_RULES: DecisionRules<PetitionAction, PetitionStage> = {
  accept: { permissions: handlers, stages: ['awaiting-acceptance'] },
  transfer: { permissions: handlers, stages: ['awaiting-acceptance'] },
  reply: { permissions: handlers, stages: ['handling'] },
  extend: { permissions: supervisors, stages: ['handling'] },
  rate: { permissions: [{ role: 'clerk', departments: ['petition-office'] }], stages: ['replied'] },
  // The office's reminder (催办), its supervisors' notes (督办), and the press desk's own notes.
  'supervise-note': {
    permissions: [{ role: 'clerk', departments: ['petition-office'] }, ...supervisors, ...press],
    stages: OPEN,
  },
  withdraw: { permissions: [{ role: 'clerk', departments: ['petition-office'] }], stages: OPEN },
  'request-review': {
    permissions: [{ role: 'clerk', departments: ['petition-office'] }],
    stages: ['completed', 'reviewed'],
  },
  // *Assumption*: the district's petition office reviews (复查); the city's re-reviews (复核) — the validator
  // holds the re-review to city supervisors.
  'decide-review': { permissions: supervisors, stages: ['under-review', 'under-re-review'] },
  // The newspaper's desk takes a post up itself at any stage, or is handed an overdue one by the ladder's last rung
  // (the validator checks which); then it calls whoever can answer, visits the site, and publishes after a call
  // or a visit, whether or not the department has replied since. Never on a report (举报).
  'press-take-up': { permissions: press, stages: PRESS_STAGES },
  'press-follow-up': { permissions: press, stages: PRESS_STAGES },
  'press-visit': { permissions: press, stages: PRESS_STAGES },
  'press-publish': { permissions: press, stages: PRESS_STAGES },
};

export const PETITION_TASK_KINDS = ['acceptance', 'reply', 'rating', 'review', 're-review'] as const;
export type PetitionTaskKind = (typeof PETITION_TASK_KINDS)[number];

const wd = (days: number) => ({ days, unit: 'working-days' as const });
/**
 * Past the holder's deadline: a reminder (催办) from the district's petition office, then its supervisor, the
 * city's, and the newspaper's public supervision desk. The holder keeps the task throughout.
 */
const SUPERVISION = [
  {
    department: 'petition-office' as const,
    role: 'clerk' as const,
    level: 'district' as const,
    ...wd(PETITION_POLICY.supervisionWorkingDays),
  },
  {
    department: 'petition-office' as const,
    role: 'supervisor' as const,
    level: 'district' as const,
    ...wd(PETITION_POLICY.supervisionWorkingDays),
  },
  {
    department: 'petition-office' as const,
    role: 'supervisor' as const,
    level: 'city' as const,
    ...wd(PETITION_POLICY.supervisionWorkingDays),
  },
  {
    department: 'public-supervision' as const,
    role: 'reporter' as const,
    level: 'city' as const,
    ...wd(PETITION_POLICY.supervisionWorkingDays),
  },
];
/** The first rung's department is the routed one, and its period the kind's (set when the task opens). */
const HOLDER = {
  department: 'petition-office' as const,
  role: 'clerk' as const,
  level: 'district' as const,
  ...wd(1),
};

/** A report's ladders: the same, without the press desk's rung (the whistleblower's post stays with the office). */
export const reportLadders = (
  ladders: Record<PetitionTaskKind, TaskLadder<PetitionAction, PetitionStage>>,
): Record<PetitionTaskKind, TaskLadder<PetitionAction, PetitionStage>> =>
  Object.fromEntries(
    Object.entries(ladders).map(([kind, ladder]) => [
      kind,
      {
        ...ladder,
        // The first rung is the holder's, never the desk's.
        rungs: [
          ladder.rungs[0],
          ...ladder.rungs.slice(1).filter((rung) => rung.department !== 'public-supervision'),
        ] as const,
      },
    ]),
  ) as Record<PetitionTaskKind, TaskLadder<PetitionAction, PetitionStage>>;

export const PETITION_LADDERS: Record<PetitionTaskKind, TaskLadder<PetitionAction, PetitionStage>> = {
  acceptance: {
    stage: 'awaiting-acceptance',
    settledBy: ['accept'],
    escalation: 'supervise',
    rungs: [HOLDER, ...SUPERVISION],
  },
  reply: {
    stage: 'handling',
    settledBy: ['reply'],
    escalation: 'supervise',
    rungs: [HOLDER, ...SUPERVISION],
  },
  review: {
    stage: 'under-review',
    settledBy: ['decide-review'],
    rungs: [
      {
        department: 'petition-office',
        role: 'supervisor',
        level: 'district',
        days: PETITION_POLICY.reviewDecisionDays,
      },
      {
        department: 'petition-office',
        role: 'supervisor',
        level: 'city',
        ...wd(PETITION_POLICY.supervisionWorkingDays),
      },
    ],
  },
  're-review': {
    stage: 'under-re-review',
    settledBy: ['decide-review'],
    rungs: [
      {
        department: 'petition-office',
        role: 'supervisor',
        level: 'city',
        days: PETITION_POLICY.reviewDecisionDays,
      },
    ],
  },
  rating: {
    stage: 'replied',
    settledBy: ['rate'],
    rungs: [
      {
        department: 'petition-office',
        role: 'clerk',
        level: 'district',
        ...wd(PETITION_POLICY.ratingWorkingDays),
      },
      {
        department: 'petition-office',
        role: 'clerk',
        level: 'city',
        ...wd(PETITION_POLICY.supervisionWorkingDays),
      },
    ],
  },
};

/** What a petition's decisions are refused for beyond their bodies' schemas (the API's 400 names them). */
export const PETITION_DECISION_RULES = {
  transfer: [
    {
      field: 'to',
      rule: 'must be another department that handles petitions',
      zh: '须为另一个承办群众诉求的单位',
    },
    {
      field: 'reason',
      rule: 'a transfer states why the petition is misrouted',
      zh: '转办须说明派单有误的原因',
    },
  ],
  extend: [
    {
      field: 'workingDays',
      rule: `must be 1 to ${PETITION_POLICY.maxExtensionWorkingDays}`,
      zh: `须为 1 至 ${PETITION_POLICY.maxExtensionWorkingDays} 个工作日`,
    },
    { field: 'reason', rule: 'is shown to the petitioner and is required', zh: '将告知诉求人，须填写' },
  ],
} as const satisfies Partial<Record<PetitionAction, readonly FieldRule[]>>;
