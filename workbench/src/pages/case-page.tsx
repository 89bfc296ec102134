import { Card, message, Result, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiRefusal, callApi } from '../api';
import { RefusalAlert } from '../components/refusal-alert';
import { SchemaForm } from '../components/schema-form';
import { bodySchemaOf, openApiDocument, type JsonSchema } from '../openapi';
import { decisionsOpenTo, kindOf, type PlatformWords } from '../platform-words';
import type { Session } from '../session';
import { CaseFacts, type CaseView } from './case-facts';
import { DecisionHistory } from './decision-history';
import { PersonalDataCard } from './personal-data-card';

interface CasePageProps {
  session: Session;
  words: PlatformWords;
  process: string;
  caseId: string;
}

/** One case: where it stands, what was decided by whom, and a form for each decision this person may take now. */
export function CasePage({ session, words, process, caseId }: CasePageProps) {
  const kind = kindOf(words, process);
  const [view, setView] = useState<CaseView | undefined>();
  const [refusal, setRefusal] = useState<ApiRefusal | undefined>();
  const [forms, setForms] = useState<[string, JsonSchema][]>([]);
  const casePath = kind ? `${kind.casesPath}/${encodeURIComponent(caseId)}` : undefined;

  const load = useCallback(async () => {
    if (!casePath) return;
    try {
      setView(await callApi<CaseView>(session.token, casePath));
    } catch (error) {
      if (error instanceof ApiRefusal) setRefusal(error);
      else throw error;
    }
  }, [casePath, session.token]);
  useEffect(() => void load(), [load]);
  // A decision is answered once recorded; the work that follows it runs on: read again until it is done.
  useEffect(() => {
    if (!view?.workingOn) return;
    const again = setTimeout(() => void load(), 1000);
    return () => clearTimeout(again);
  }, [view, load]);

  useEffect(() => {
    if (!kind || !view) return;
    const open = decisionsOpenTo(session.person, kind, view.stage);
    void openApiDocument().then((document) =>
      setForms(
        open.flatMap((action) => {
          const schema = bodySchemaOf(document, `${kind.casesPath}/{caseId}/actions/${action}`);
          return schema ? [[action, schema] as [string, JsonSchema]] : [];
        }),
      ),
    );
  }, [kind, view, session.person]);

  if (!kind) return <Result status="404" title="未知的办件类型" />;
  if (refusal) return <RefusalAlert refusal={refusal} />;
  if (!view) return <Spin />;
  const decide = (action: string) => async (body: unknown) => {
    await callApi(session.token, `${casePath}/actions/${action}`, { method: 'POST', body });
    void message.success(`已提交：${kind.actions[action]}`);
    await load();
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={3}>办件 {caseId}</Typography.Title>
      <CaseFacts view={view} kind={kind} words={words} />
      {kind.personalData && casePath && (
        <PersonalDataCard session={session} kind={kind} casePath={casePath} />
      )}
      <Card title="办理记录">
        <DecisionHistory view={view} kind={kind} words={words} />
      </Card>
      {forms.length === 0 ? (
        <Typography.Text type="secondary">当前阶段没有需要您办理的事项。</Typography.Text>
      ) : (
        forms.map(([action, schema]) => (
          <Card key={`${action}:${view.stage}`} title={kind.actions[action] ?? action}>
            <SchemaForm
              schema={schema}
              words={kind}
              submitLabel={`提交${kind.actions[action] ?? ''}`}
              onSubmit={decide(action)}
            />
          </Card>
        ))
      )}
    </Space>
  );
}
