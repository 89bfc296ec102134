import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';

dayjs.locale('zh-cn');

/**
 * Ant Design's defaults, darkened where their contrast falls short of WCAG 2.1 AA (4.5:1 for text), which
 * government sites are held to (GB/T 37668): the primary blue under white text, placeholders and disabled text.
 */
const ACCESSIBLE_THEME = {
  token: {
    colorPrimary: '#0958d9',
    colorTextPlaceholder: '#595959',
    colorTextDisabled: '#595959',
    colorError: '#cf1322',
    colorInfo: '#0958d9',
    colorLink: '#0958d9',
  },
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={ACCESSIBLE_THEME}>
      <AntApp>
        <App />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
