import { Button, Layout, Menu, Result, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { callApi } from './api';
import { CasePage } from './pages/case-page';
import { SignInPage } from './pages/sign-in-page';
import { StartPage } from './pages/start-page';
import { TaskBoardPage } from './pages/task-board-page';
import { kindsStartedBy, type PlatformWords } from './platform-words';
import { startHref, TASKS_HREF, usePlace } from './routes';
import { forgetSession, saveSession, savedSession, type Session } from './session';

function Workspace({ session, onSignOut }: { session: Session; onSignOut: () => void }) {
  const [words, setWords] = useState<PlatformWords | undefined>();
  const [failed, setFailed] = useState(false);
  const place = usePlace();
  useEffect(() => {
    callApi<PlatformWords>(session.token, '/v1/case-kinds').then(setWords, () => setFailed(true));
  }, [session.token]);
  if (failed)
    return (
      <Result status="error" title="无法连接办件系统" extra={<Button onClick={onSignOut}>重新登录</Button>} />
    );
  if (!words) return <Spin fullscreen />;
  const { person } = session;
  const startable = kindsStartedBy(person, words.kinds);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24 }}>
        <Typography.Text strong style={{ color: '#fff', whiteSpace: 'nowrap' }}>
          一件事一次办 · 工作台
        </Typography.Text>
        <Menu
          theme="dark"
          mode="horizontal"
          style={{ flex: 1, minWidth: 0 }}
          selectedKeys={[place.page === 'start' ? `start:${place.process}` : 'tasks']}
          items={[
            { key: 'tasks', label: <a href={TASKS_HREF}>我的待办</a> },
            ...startable.map((kind) => ({
              key: `start:${kind.process}`,
              label: <a href={startHref(kind.process)}>新办：{kind.name}</a>,
            })),
          ]}
        />
        <Space style={{ color: '#fff', whiteSpace: 'nowrap' }}>
          {person.name}（{words.departments[person.department] ?? person.department}
          {person.district === 'city'
            ? ' · 全市'
            : ` · ${words.districts[person.district] ?? person.district}`}
          ）
          <Button size="small" onClick={onSignOut}>
            退出
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <main>
          {place.page === 'tasks' && <TaskBoardPage session={session} words={words} />}
          {place.page === 'case' && (
            <CasePage
              key={place.caseId}
              session={session}
              words={words}
              process={place.process}
              caseId={place.caseId}
            />
          )}
          {place.page === 'start' && (
            <StartPage key={place.process} session={session} words={words} process={place.process} />
          )}
        </main>
      </Layout.Content>
    </Layout>
  );
}

export function App() {
  const [session, setSession] = useState<Session | undefined>(savedSession);
  const signedIn = useCallback((token: string) => setSession(saveSession(token)), []);
  if (!session) {
    return (
      <main>
        <SignInPage onSignedIn={signedIn} />
      </main>
    );
  }
  return (
    <Workspace
      session={session}
      onSignOut={() => {
        forgetSession();
        setSession(undefined);
      }}
    />
  );
}
