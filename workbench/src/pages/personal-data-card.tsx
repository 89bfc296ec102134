import { Button, Card, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiRefusal, callApi } from '../api';
import { RefusalAlert } from '../components/refusal-alert';
import { fieldWord } from '../form-words';
import type { CaseKind } from '../platform-words';
import type { Session } from '../session';

type Shown = { unmasked: boolean; data: unknown };

/** Flattens `{ contact: { name } }` and `staff: [{ name }]` into labelled lines. */
function lines(value: unknown, path = ''): [string, string][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => lines(item, `${path}.${i}`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => lines(inner, path ? `${path}.${key}` : key));
  }
  return [[path, String(value)]];
}

/**
 * A case's personal data, read only when the person asks: masked, or — with the permission, where the process
 * allows it — in full, which the API writes to the audit log.
 */
export function PersonalDataCard({
  session,
  kind,
  casePath,
}: {
  session: Session;
  kind: CaseKind;
  casePath: string;
}) {
  const personalData = kind.personalData!;
  const [shown, setShown] = useState<Shown | undefined>();
  const [refusal, setRefusal] = useState<ApiRefusal | undefined>();
  const mayUnmask = personalData.unmaskable && session.person.permissions.includes('unmask-personal-data');
  const read = async (unmasked: boolean) => {
    setRefusal(undefined);
    try {
      const path = `${casePath}${personalData.path}${unmasked ? '?unmasked=true' : ''}`;
      setShown({ unmasked, data: await callApi(session.token, path) });
    } catch (error) {
      if (!(error instanceof ApiRefusal)) throw error;
      setRefusal(error);
    }
  };
  return (
    <Card title={personalData.name}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {refusal && <RefusalAlert refusal={refusal} words={kind} />}
        {shown && (
          <Descriptions bordered column={1} size="small">
            {lines(shown.data).map(([path, value]) => (
              <Descriptions.Item key={path} label={fieldWord(path, kind)}>
                {value}
              </Descriptions.Item>
            ))}
          </Descriptions>
        )}
        <Space>
          <Button onClick={() => void read(false)}>查看（已脱敏）</Button>
          {mayUnmask && (
            <Button danger onClick={() => void read(true)}>
              显示完整信息（记入审计日志）
            </Button>
          )}
        </Space>
        {shown?.unmasked && <Typography.Text type="warning">本次查看已记入审计日志。</Typography.Text>}
      </Space>
    </Card>
  );
}
