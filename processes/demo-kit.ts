/**
 * What a process's demo loader (`processes/<name>/demo.ts`, run by `npm run demo`) needs: the running platform's
 * API, tokens for the people who act, and made-up contacts. Everything goes through the API, as clerks' work does.
 */
import { signToken, type Claims, type JwtSettings } from '../api/auth';

export interface DemoClient {
  /** A signed token for the given person (development key only: npm run demo refuses production). */
  token(claims: Omit<Claims, 'name'>): Promise<string>;
  /** One API call; a 409 (already done, or refused at this stage) is an answer, anything else not OK throws. */
  call(auth: string, method: string, path: string, body?: unknown): Promise<Record<string, unknown>>;
  /** Waits (briefly) until the case is at one of the stages with nothing in hand; the stage, or undefined. */
  waitForStage(auth: string, caseUrl: string, stages: string[]): Promise<string | undefined>;
}

/** How much each process loads (`npm run demo -- --per-district 40 --petitions 120`). */
export interface DemoScale {
  perDistrict: number;
  petitions: number;
}

/** A process's demo: loads its sample through the client and says, in a line or two, what it loaded. */
export type DemoLoader = (client: DemoClient, scale: DemoScale) => Promise<string>;

export function demoClient(api: string, jwt: JwtSettings): DemoClient {
  const call: DemoClient['call'] = async (auth, method, path, body) => {
    const res = await fetch(`${api}${path}`, {
      method,
      headers: { Authorization: `Bearer ${auth}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok && res.status !== 409)
      throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };
  return {
    token: (claims) => signToken({ ...claims, name: 'Demo' }, jwt),
    call,
    // A decision is answered once recorded; its follow-on work (rebooking, the next task) runs after.
    async waitForStage(auth, caseUrl, stages) {
      for (let i = 0; i < 200; i += 1) {
        const state = await call(auth, 'GET', caseUrl);
        if (stages.includes(String(state.stage)) && !state.workingOn) return String(state.stage);
        await pause(100);
      }
      return undefined;
    },
  };
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Several clerks at several windows: the loaders run their cases a few at a time. */
export { inLanes } from '../platform/in-lanes';

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
];
export const DEMO_ROADS = [
  '花园路',
  '金水路',
  '农业路',
  '经三路',
  '大学路',
  '建设路',
  '中原路',
  '商都路',
  '郑汴路',
  '科学大道',
];

/** Made-up contacts (a deterministic mix of common names, roads and 138 numbers): never real people. */
export function demoContact(n: number) {
  return {
    name: `${SURNAMES[n % SURNAMES.length]}${GIVEN[(n * 7) % GIVEN.length]}`,
    phone: `138${String(10_000_000 + ((n * 7919) % 89_999_999)).padStart(8, '0')}`,
    address: `${DEMO_ROADS[n % DEMO_ROADS.length]} ${1 + (n % 200)} 号 ${1 + (n % 6)} 单元 ${101 + (n % 18)}`,
  };
}
