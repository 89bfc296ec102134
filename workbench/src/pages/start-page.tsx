import { Card, Result, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { callApi } from '../api';
import { SchemaForm } from '../components/schema-form';
import { bodySchemaOf, openApiDocument, type JsonSchema } from '../openapi';
import { kindOf, type PlatformWords } from '../platform-words';
import { caseHref, goTo } from '../routes';
import type { Session } from '../session';

/** A new case, from the start operation's body schema; on success, its case page. */
export function StartPage({
  session,
  words,
  process,
}: {
  session: Session;
  words: PlatformWords;
  process: string;
}) {
  const kind = kindOf(words, process);
  const [schema, setSchema] = useState<JsonSchema | null | undefined>();
  useEffect(() => {
    if (kind)
      void openApiDocument().then((document) => setSchema(bodySchemaOf(document, kind.casesPath) ?? null));
  }, [kind]);
  if (!kind || schema === null) return <Result status="404" title="该事项不能在工作台新办" />;
  if (!schema) return <Spin />;
  const start = async (body: unknown) => {
    const started = await callApi<{ caseId: string }>(session.token, kind.casesPath, {
      method: 'POST',
      body,
    });
    goTo(caseHref(process, started.caseId));
  };
  return (
    <Card title={`新办：${kind.name}`}>
      <SchemaForm schema={schema} words={kind} submitLabel="提交办件" onSubmit={start} />
    </Card>
  );
}
