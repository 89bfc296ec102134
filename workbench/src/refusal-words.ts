/** What a refusal means, in Chinese, above the API's own message (which names the field and the rule). */
import type { ApiRefusal } from './api';

const BY_STATUS: Record<number, string> = {
  400: '填写的内容不符合要求',
  401: '登录已失效，请重新登录',
  403: '您没有办理此事项的权限',
  404: '未找到该办件',
  409: '办件当前所处阶段不能办理此事项，或已有人先行办理',
  413: '提交的内容过大',
  422: '不符合办理条件',
  429: '操作过于频繁，请稍后再试',
  503: '服务暂不可用，请稍后再试',
};

export const refusalHeading = (refusal: ApiRefusal): string =>
  BY_STATUS[refusal.status] ?? `办理失败（${refusal.status}）`;
