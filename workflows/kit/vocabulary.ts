/**
 * The words every process shares: Zhengzhou's districts, the departments that take part, staff roles, the actor
 * who takes a decision, and the four channels through which a citizen comes in. Codes only: they go into
 * search attributes and workflow IDs, so no personal data can ever be among them.
 */

/**
 * Zhengzhou's sixteen county-level areas (docs/sources.md, areas of the city; 亲清在线 counts "16 districts and
 * counties"): childcare and petitions serve them all. The code is called a district throughout, as the city's
 * staff say it; `AREA_KIND_OF` says which are districts, development zones, county-level cities and the county.
 */
export const DISTRICTS = {
  zhongyuan: '中原区',
  erqi: '二七区',
  jinshui: '金水区',
  guancheng: '管城回族区',
  huiji: '惠济区',
  zhengdong: '郑东新区',
  gaoxin: '高新区',
  jingkai: '经开区',
  shangjie: '上街区',
  hangkonggang: '郑州航空港区',
  gongyi: '巩义市',
  xingyang: '荥阳市',
  xinmi: '新密市',
  xinzheng: '新郑市',
  dengfeng: '登封市',
  zhongmou: '中牟县',
} as const;
export type District = keyof typeof DISTRICTS;
export const DISTRICT_CODES = Object.keys(DISTRICTS) as [District, ...District[]];

type AreaKind = 'district' | 'development-zone' | 'county-level-city' | 'county';
export const AREA_KIND_OF: Record<District, AreaKind> = {
  zhongyuan: 'district',
  erqi: 'district',
  jinshui: 'district',
  guancheng: 'district',
  huiji: 'district',
  shangjie: 'district',
  zhengdong: 'development-zone',
  gaoxin: 'development-zone',
  jingkai: 'development-zone',
  hangkonggang: 'development-zone',
  gongyi: 'county-level-city',
  xingyang: 'county-level-city',
  xinmi: 'county-level-city',
  xinzheng: 'county-level-city',
  dengfeng: 'county-level-city',
  zhongmou: 'county',
};

/** The eight urban districts: the five inner ones with 郑东新区, 高新区 and 经开区 (市内各区, as the source counts). */
export const URBAN_DISTRICT_CODES = [
  'zhongyuan',
  'erqi',
  'jinshui',
  'guancheng',
  'huiji',
  'zhengdong',
  'gaoxin',
  'jingkai',
] as const satisfies readonly District[];

/** The retrofit campaign's scope: the eight urban districts (docs/sources.md, gas-safety retrofit), not the whole city. */
export const RETROFIT_DISTRICT_CODES = URBAN_DISTRICT_CODES;
export type RetrofitDistrict = (typeof RETROFIT_DISTRICT_CODES)[number];
/** A JWT's district claim: a district code, or `city` for city-level staff. */
export type Jurisdiction = District | 'city';

export const DEPARTMENTS = {
  'gas-safety-office': '城镇燃气安全领导小组办公室',
  'gas-company': '燃气公司',
  installer: '安装队',
  'city-finance': '市财政局',
  'district-finance': '区财政局',
  community: '社区网格',
  'health-commission': '卫健委',
  'civil-affairs': '民政局',
  'market-regulation': '市场监管局',
  education: '教育局',
  'credit-platform': '托育信用平台',
  'petition-office': '信访局',
  'fire-safety': '消防救援支队',
  // Departments that handle citizens' petitions (心通桥), besides those above.
  'traffic-police': '交警支队',
  'urban-management': '城市管理局',
  housing: '住房保障和房地产管理局',
  'ecology-environment': '生态环境局',
  heating: '热力公司',
  'human-resources': '人力资源和社会保障局',
  /** The newspaper's public supervision desk (观观督办): an outside party that follows up overdue petitions. */
  'public-supervision': '观观督办',
  /** The platform's operator (it runs 郑好办): keeps the statutory calendar every working-day deadline counts on. */
  'big-data-bureau': '大数据管理局',
  // Departments that hold enterprises' facts for policy payouts (亲清在线), or issue policies.
  tax: '税务局',
  'science-technology': '科技局',
  'intellectual-property': '知识产权局',
  'industry-information': '工业和信息化局',
  commerce: '商务局',
  /**
   * Not a department: an enterprise signed in with its legal-person account (法人账号) at 郑好办, acting for its own
   * credit code only (the token's `org`), as the `legal-person` role.
   */
  enterprise: '企业（法人账号）',
} as const;
export type Department = keyof typeof DEPARTMENTS;
export const DEPARTMENT_CODES = Object.keys(DEPARTMENTS) as [Department, ...Department[]];

export const ROLES = [
  'clerk',
  'supervisor',
  'auditor',
  'finance',
  'installer',
  'grid-worker',
  /** The health commission's site inspectors (childcare providers). */
  'inspector',
  /** A reporter of the public supervision desk. */
  'reporter',
  /** An enterprise acting through its legal-person account (department `enterprise`). */
  'legal-person',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

/** What each role is called in the departments' own words (the clerks' workbench shows these). */
export const ROLE_NAMES: Record<Role, string> = {
  clerk: '经办人',
  supervisor: '负责人',
  auditor: '审计人员',
  finance: '财政经办人',
  installer: '安装人员',
  'grid-worker': '网格员',
  inspector: '核查员',
  reporter: '记者',
  'legal-person': '企业法人',
  admin: '管理员',
};

/** Who took an action: carried into workflow history with every accepted decision. */
export interface Actor {
  userId: string;
  department: Department;
  district: Jurisdiction;
  roles: Role[];
  /** Set for an enterprise only: the one unified social credit code it may act for. */
  creditCode?: string;
}

/** The four channels (四端) through which a citizen reaches a process. */
export const CHANNELS = ['app', 'web', 'window', 'kiosk'] as const;
export type Channel = (typeof CHANNELS)[number];
