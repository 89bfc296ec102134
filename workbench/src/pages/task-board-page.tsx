import { Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ApiRefusal, callApi } from '../api';
import { RefusalAlert } from '../components/refusal-alert';
import { beijingTime } from '../format';
import { kindOf, type PlatformWords } from '../platform-words';
import { caseHref } from '../routes';
import type { Session } from '../session';

interface BoardTask {
  taskId: string;
  caseId: string;
  kind: string;
  district: string;
  dueAt: string;
  escalationRung: number;
  overdue: boolean;
  process?: string;
  stage?: string;
}

/** My tasks: what waits for the signed-in person's department, district and role, overdue first. */
export function TaskBoardPage({ session, words }: { session: Session; words: PlatformWords }) {
  const [tasks, setTasks] = useState<BoardTask[] | undefined>();
  const [refusal, setRefusal] = useState<ApiRefusal | undefined>();
  const [process, setProcess] = useState<string | undefined>();
  const [stage, setStage] = useState<string | undefined>();
  useEffect(() => {
    callApi<{ tasks: BoardTask[] }>(session.token, '/v1/tasks').then(
      ({ tasks }) => setTasks(tasks),
      (error: unknown) => {
        if (!(error instanceof ApiRefusal)) throw error;
        setRefusal(error);
      },
    );
  }, [session.token]);
  const shown = useMemo(
    () =>
      (tasks ?? [])
        .filter(
          (task) => (process ? task.process === process : true) && (stage ? task.stage === stage : true),
        )
        .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueAt.localeCompare(b.dueAt)),
    [tasks, process, stage],
  );
  const stageOptions = Object.entries(kindOf(words, process)?.stages ?? {});
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>我的待办</Typography.Title>
      {refusal && <RefusalAlert refusal={refusal} />}
      <Space wrap>
        <Select
          aria-label="按事项筛选"
          placeholder="全部事项"
          allowClear
          style={{ minWidth: 240 }}
          value={process}
          onChange={(value?: string) => {
            setProcess(value);
            setStage(undefined);
          }}
          options={words.kinds.map((kind) => ({ value: kind.process, label: kind.name }))}
        />
        <Select
          aria-label="按阶段筛选"
          placeholder="全部阶段"
          allowClear
          disabled={!process}
          style={{ minWidth: 240 }}
          value={stage}
          onChange={(value?: string) => setStage(value)}
          options={stageOptions.map(([value, label]) => ({ value, label }))}
        />
      </Space>
      <Table<BoardTask>
        rowKey="taskId"
        loading={!tasks}
        dataSource={shown}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '暂无待办' }}
        columns={[
          {
            title: '待办',
            key: 'kind',
            render: (_, task) => {
              const kind = kindOf(words, task.process);
              return (
                <a href={caseHref(task.process ?? '', task.caseId)}>
                  {kind?.taskKinds[task.kind] ?? task.kind}
                </a>
              );
            },
          },
          { title: '事项', key: 'process', render: (_, task) => kindOf(words, task.process)?.name ?? '—' },
          {
            title: '阶段',
            key: 'stage',
            render: (_, task) =>
              task.stage ? (kindOf(words, task.process)?.stages[task.stage] ?? task.stage) : '—',
          },
          {
            title: '区县',
            key: 'district',
            render: (_, task) => words.districts[task.district] ?? task.district,
          },
          {
            title: '督办层级',
            key: 'rung',
            render: (_, task) =>
              task.escalationRung > 0 ? (
                <Tag color="orange">已升级 {task.escalationRung} 级</Tag>
              ) : (
                '本级办理'
              ),
          },
          {
            title: '截止时间（北京时间）',
            key: 'dueAt',
            render: (_, task) => (
              <Space>
                {beijingTime(task.dueAt)}
                {task.overdue && <Tag color="red">已超期</Tag>}
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
