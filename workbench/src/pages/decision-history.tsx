import { Table } from 'antd';
import { beijingTime } from '../format';
import { plainDetail } from '../plain-words';
import type { CaseKind, PlatformWords } from '../platform-words';
import type { CaseView } from './case-facts';

type Decision = NonNullable<CaseView['decisions']>[number];

/** The decisions so far, who took them and when; particulars only where the API shows them to this reader. */
export function DecisionHistory({
  view,
  kind,
  words,
}: {
  view: CaseView;
  kind: CaseKind;
  words: PlatformWords;
}) {
  return (
    <Table<Decision>
      rowKey={(decision) => `${decision.action}:${decision.at}`}
      dataSource={view.decisions ?? []}
      pagination={false}
      size="small"
      locale={{ emptyText: '尚无办理记录' }}
      columns={[
        { title: '办理事项', key: 'action', render: (_, d) => kind.actions[d.action] ?? d.action },
        {
          title: '办理人',
          key: 'by',
          render: (_, d) =>
            `${words.departments[d.by.department] ?? d.by.department} · ${d.by.roles.map((r) => words.roles[r] ?? r).join('、')}（${d.by.userId}）`,
        },
        { title: '时间（北京时间）', key: 'at', render: (_, d) => beijingTime(d.at) },
        {
          title: '办理意见',
          key: 'detail',
          render: (_, d) => (d.detail ? plainDetail(d.detail, kind) : '—'),
        },
      ]}
    />
  );
}
