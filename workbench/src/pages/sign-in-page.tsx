import { Alert, Button, Card, Divider, List, Result, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { callApi } from '../api';
import {
  finishProviderSignIn,
  isProviderCallback,
  startProviderSignIn,
  type IdentityProvider,
} from '../provider-sign-in';

interface DemoPerson {
  id: string;
  name: string;
  roles: string[];
}

interface SignInOptions {
  demoPeople: DemoPerson[];
  provider?: IdentityProvider;
}

function DemoPeople({ people, onSignedIn }: { people: DemoPerson[]; onSignedIn: (token: string) => void }) {
  const signIn = async (person: string) => {
    const { token } = await callApi<{ token: string }>(undefined, '/workbench/sign-in/demo', {
      method: 'POST',
      body: { person },
    });
    onSignedIn(token);
  };
  return (
    <>
      <Typography.Paragraph type="secondary">
        开发环境演示人员：无需密码，选择一位即可登录。
      </Typography.Paragraph>
      <List
        dataSource={people}
        renderItem={(person) => (
          <List.Item
            actions={[
              <Button key="sign-in" onClick={() => void signIn(person.id)}>
                以此身份登录
              </Button>,
            ]}
          >
            <List.Item.Meta title={person.name} description={person.roles.join('、')} />
          </List.Item>
        )}
      />
    </>
  );
}

/**
 * Sign-in: through the city's identity provider where one is configured (and back from it), and in development as
 * one of the demo people. A deployment without a provider offers nothing here.
 */
export function SignInPage({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  const [options, setOptions] = useState<SignInOptions | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  useEffect(() => {
    void callApi<SignInOptions>(undefined, '/workbench/sign-in/options').then(async (answer) => {
      setOptions(answer);
      if (answer.provider && isProviderCallback()) {
        try {
          onSignedIn(await finishProviderSignIn(answer.provider));
        } catch (error) {
          setFailure(error instanceof Error ? error.message : String(error));
        }
      }
    });
  }, [onSignedIn]);
  if (!options || (options.provider && isProviderCallback() && !failure)) return <Spin fullscreen />;
  const { provider, demoPeople } = options;
  if (!provider && demoPeople.length === 0) {
    return <Result status="warning" title="本部署尚未配置登录方式" subTitle="请联系系统管理员。" />;
  }
  return (
    <Card title="登录工作台" style={{ maxWidth: 640, margin: '48px auto' }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {failure && <Alert type="error" showIcon role="alert" title="登录未完成" description={failure} />}
        {provider && (
          <Button type="primary" size="large" block onClick={() => void startProviderSignIn(provider)}>
            通过统一身份认证登录
          </Button>
        )}
        {provider && demoPeople.length > 0 && <Divider />}
        {demoPeople.length > 0 && <DemoPeople people={demoPeople} onSignedIn={onSignedIn} />}
      </Space>
    </Card>
  );
}
