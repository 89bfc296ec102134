import { Button, Card, List, Result, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { callApi } from '../api';

interface DemoPerson {
  id: string;
  name: string;
  department: string;
  district: string;
  roles: string[];
}

/** Development's sign-in: choose one of the demo people. A deployment offers none here. */
export function SignInPage({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  const [people, setPeople] = useState<DemoPerson[] | undefined>();
  useEffect(() => {
    void callApi<{ demoPeople: DemoPerson[] }>(undefined, '/workbench/sign-in/options').then((options) =>
      setPeople(options.demoPeople),
    );
  }, []);
  if (!people) return <Spin />;
  if (people.length === 0) {
    return <Result status="warning" title="本部署尚未配置登录方式" subTitle="请联系系统管理员。" />;
  }
  const signIn = async (person: string) => {
    const { token } = await callApi<{ token: string }>(undefined, '/workbench/sign-in/demo', {
      method: 'POST',
      body: { person },
    });
    onSignedIn(token);
  };
  return (
    <Card title="登录工作台（开发环境演示人员）" style={{ maxWidth: 640, margin: '48px auto' }}>
      <Typography.Paragraph type="secondary">
        开发环境无需密码，选择一位演示人员即可登录；正式部署通过全市统一身份认证登录。
      </Typography.Paragraph>
      <List
        dataSource={people}
        renderItem={(person) => (
          <List.Item
            actions={[
              <Button key="sign-in" type="primary" onClick={() => void signIn(person.id)}>
                以此身份登录
              </Button>,
            ]}
          >
            <List.Item.Meta title={person.name} description={person.roles.join('、')} />
          </List.Item>
        )}
      />
    </Card>
  );
}
