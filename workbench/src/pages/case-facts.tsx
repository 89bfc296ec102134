import { Descriptions, Tag } from 'antd';
import { beijingTime } from '../format';
import { plainValue } from '../plain-words';
import type { CaseKind, PlatformWords } from '../platform-words';

export interface CaseView {
  caseId?: string;
  stage: string;
  district?: string;
  workingOn?: string;
  openTask?: {
    kind: string;
    department: string;
    role: string;
    dueAt: string;
    escalationRung: number;
    overdue?: boolean;
  };
  decisions?: {
    action: string;
    by: { userId: string; department: string; roles: string[] };
    at: string;
    detail?: string;
  }[];
  [field: string]: unknown;
}

/** Shown in the heading, above, or in cards of their own; or bookkeeping a clerk has no use for. */
const SHOWN_ELSEWHERE = new Set([
  'caseId',
  'process',
  'stage',
  'district',
  'openTask',
  'decisions',
  'workingOn',
  'workflowStatus',
  'revision',
]);

/** What the case is and where it stands: its stage, its open task and deadline, and the facts the API shows this reader. */
export function CaseFacts({ view, kind, words }: { view: CaseView; kind: CaseKind; words: PlatformWords }) {
  const task = view.openTask;
  const facts = Object.entries(view).filter(
    ([name, value]) => !SHOWN_ELSEWHERE.has(name) && value !== undefined && value !== null,
  );
  return (
    <Descriptions bordered column={1} size="small">
      <Descriptions.Item label="事项">{kind.name}</Descriptions.Item>
      <Descriptions.Item label="阶段">
        {kind.stages[view.stage] ?? view.stage}
        {view.workingOn && (
          <Tag style={{ marginInlineStart: 8 }}>正在办理：{kind.actions[view.workingOn]}</Tag>
        )}
      </Descriptions.Item>
      {view.district && (
        <Descriptions.Item label="区县">{words.districts[view.district] ?? view.district}</Descriptions.Item>
      )}
      {task && (
        <Descriptions.Item label="当前待办">
          {kind.taskKinds[task.kind] ?? task.kind} · {words.departments[task.department] ?? task.department}
          {words.roles[task.role] ? `（${words.roles[task.role]}）` : ''}
          {task.escalationRung > 0 && <Tag color="orange">已升级 {task.escalationRung} 级</Tag>}
        </Descriptions.Item>
      )}
      {task && (
        <Descriptions.Item label="办理时限（北京时间）">
          {beijingTime(task.dueAt)}
          {(task.overdue ?? Date.parse(task.dueAt) < Date.now()) && <Tag color="red">已超期</Tag>}
        </Descriptions.Item>
      )}
      {facts.map(([name, value]) => (
        <Descriptions.Item key={name} label={kind.fields[name] ?? name}>
          {plainValue(name, value, kind)}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
