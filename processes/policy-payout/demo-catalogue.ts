/**
 * The demo's catalogue: fourteen policies of six departments and three districts, as their issuers would write
 * them (made-up documents and figures), for `npm run demo` to save through the API.
 */
import type { PolicyTerms } from '../../activities/adapters/policy-catalogue/terms';
import { DISTRICT_CODES, type District } from '../../workflows/kit/vocabulary';

const year = () => String(new Date().getFullYear());
const thisYear = () => ({ opens: `${year()}-01-01`, closes: `${year()}-12-31` });
const active = { name: '依法登记且存续', logic: { '==': [{ var: 'market.status' }, 'active'] } };
const goodTax = { name: '纳税信用A或B级', logic: { in: [{ var: 'tax.creditGrade' }, ['A', 'B']] } };
const manufacturing = { name: '制造业企业', logic: { in: ['C', { var: 'market.industry' }] } };
const base = {
  review: 'automatic' as const,
  noticeWorkingDays: 5,
  confirmWorkingDays: 10,
  materials: [] as string[],
  whenBudgetRunsOut: 'first-come' as const,
};

type DemoPolicy = { policyId: string; terms: PolicyTerms };
const policy = (
  policyId: string,
  terms: Omit<PolicyTerms, keyof typeof base | 'window' | 'budgets'> & Partial<PolicyTerms>,
  budgetFen: number,
): DemoPolicy => ({
  policyId,
  terms: { ...base, window: thisYear(), budgets: budgetFen > 0 ? { [year()]: budgetFen } : {}, ...terms },
});
/**
 * A policy whose document sets no public notice of the payee list: the facts it pays on were made public where they
 * were decided (the statistics bureau's list, the register), so its money moves once the enterprise confirms.
 */
const NO_NOTICE_OF_ITS_OWN = 0;
const city = (department: PolicyTerms['issuer']['department']) => ({ department, area: 'city' as const });
const ALL = [...DISTRICT_CODES];
const only = (district: District) => [district];

/** The catalogue the demo loads through the API (PUT /v1/policies/{policyId}), each by its issuer's supervisor. */
const CATALOGUE: readonly DemoPolicy[] = [
  policy(
    'st-rd-post-subsidy',
    {
      title: '高新技术企业研发费用后补助',
      legalBasis: '郑政〔2025〕12号 第三条',
      issuer: city('science-technology'),
      kind: 'subsidy',
      mode: 'automatic',
      scope: ALL,
      eligibility: [
        active,
        { name: '高新技术企业', logic: { '==': [{ var: 'science.highTech' }, true] } },
        goodTax,
      ],
      amount: {
        kind: 'percentage',
        fact: 'science.rdSpendLastYearFen',
        basisPoints: 1_000,
        capFen: 20_000_000,
      },
    },
    3_000_000_000,
  ),
  policy(
    'st-high-tech-award',
    {
      title: '首次认定高新技术企业奖励',
      legalBasis: '郑政〔2025〕12号 第五条',
      issuer: city('science-technology'),
      kind: 'reward',
      mode: 'application',
      scope: ALL,
      eligibility: [active, { name: '高新技术企业', logic: { '==': [{ var: 'science.highTech' }, true] } }],
      amount: { kind: 'fixed', fen: 20_000_000 },
      review: 'department',
      materials: ['高新技术企业证书', '认定批复文件'],
    },
    1_000_000_000,
  ),
  policy(
    'ip-conversion-award',
    {
      title: '专利转化实施奖励',
      legalBasis: '郑知〔2025〕4号',
      issuer: city('intellectual-property'),
      kind: 'reward',
      mode: 'application',
      scope: ALL,
      eligibility: [
        active,
        { name: '上年度有专利转化', logic: { '>=': [{ var: 'ip.patentsConvertedLastYear' }, 1] } },
      ],
      amount: {
        kind: 'per-unit',
        fact: 'ip.patentsConvertedLastYear',
        fenPerUnit: 5_000_000,
        capFen: 50_000_000,
      },
      review: 'department',
      materials: ['专利证书', '转化实施合同', '产品销售发票'],
    },
    800_000_000,
  ),
  policy(
    'ip-patent-grant',
    {
      title: '发明专利授权资助',
      legalBasis: '郑知〔2025〕5号',
      issuer: city('intellectual-property'),
      kind: 'subsidy',
      mode: 'automatic',
      scope: ALL,
      eligibility: [active, { name: '持有有效发明专利', logic: { '>=': [{ var: 'ip.patentsInForce' }, 1] } }],
      amount: { kind: 'per-unit', fact: 'ip.patentsInForce', fenPerUnit: 1_000_000, capFen: 10_000_000 },
      whenBudgetRunsOut: 'pro-rata',
    },
    200_000_000,
  ),
  policy(
    'ii-specialised-sme',
    {
      title: '专精特新中小企业奖励',
      legalBasis: '郑工信〔2026〕3号',
      issuer: city('industry-information'),
      kind: 'reward',
      mode: 'application',
      scope: ALL,
      eligibility: [
        active,
        manufacturing,
        goodTax,
        { name: '参保职工不少于20人', logic: { '>=': [{ var: 'hr.insuredEmployees' }, 20] } },
      ],
      amount: { kind: 'fixed', fen: 50_000_000 },
      review: 'department',
      materials: ['专精特新认定文件', '上年度审计报告'],
    },
    2_000_000_000,
  ),
  policy(
    'ii-stable-expansion',
    {
      title: '制造业企业稳岗扩产奖励',
      legalBasis: '郑工信〔2026〕7号',
      issuer: city('industry-information'),
      kind: 'reward',
      mode: 'automatic',
      scope: ALL,
      eligibility: [
        active,
        manufacturing,
        { name: '参保职工不少于100人', logic: { '>=': [{ var: 'hr.insuredEmployees' }, 100] } },
      ],
      amount: { kind: 'per-unit', fact: 'hr.insuredEmployees', fenPerUnit: 50_000, capFen: 20_000_000 },
      whenBudgetRunsOut: 'next-year',
      noticeWorkingDays: NO_NOTICE_OF_ITS_OWN,
    },
    60_000_000,
  ),
  policy(
    'co-foreign-trade',
    {
      title: '外贸企业开拓国际市场补贴',
      legalBasis: '郑商〔2026〕2号',
      issuer: city('commerce'),
      kind: 'subsidy',
      mode: 'application',
      scope: ALL,
      eligibility: [active, { name: '批发业企业', logic: { in: ['F51', { var: 'market.industry' }] } }],
      amount: { kind: 'fixed', fen: 5_000_000 },
      review: 'department',
      materials: ['境外展会参展证明', '费用支付凭证'],
    },
    300_000_000,
  ),
  policy(
    'co-trade-upgrade',
    {
      title: '商贸企业升规入统奖励',
      legalBasis: '郑商〔2026〕5号',
      issuer: city('commerce'),
      kind: 'reward',
      mode: 'automatic',
      scope: ALL,
      eligibility: [
        active,
        { name: '批发业企业', logic: { in: ['F51', { var: 'market.industry' }] } },
        goodTax,
      ],
      amount: { kind: 'fixed', fen: 10_000_000 },
      noticeWorkingDays: NO_NOTICE_OF_ITS_OWN,
    },
    50_000_000,
  ),
  policy(
    'hr-job-retention',
    {
      title: '失业保险稳岗返还',
      legalBasis: '郑人社〔2026〕9号',
      issuer: city('human-resources'),
      kind: 'subsidy',
      mode: 'automatic',
      scope: ALL,
      eligibility: [
        active,
        { name: '纳税信用非D级', logic: { '!=': [{ var: 'tax.creditGrade' }, 'D'] } },
        { name: '有参保职工', logic: { '>=': [{ var: 'hr.insuredEmployees' }, 1] } },
      ],
      amount: { kind: 'per-unit', fact: 'hr.insuredEmployees', fenPerUnit: 30_000, capFen: 10_000_000 },
    },
    1_500_000_000,
  ),
  policy(
    'hr-hiring-subsidy',
    {
      title: '吸纳高校毕业生就业补贴',
      legalBasis: '郑人社〔2026〕11号',
      issuer: city('human-resources'),
      kind: 'subsidy',
      mode: 'application',
      scope: ALL,
      eligibility: [active, { name: '有参保职工', logic: { '>=': [{ var: 'hr.insuredEmployees' }, 1] } }],
      amount: { kind: 'fixed', fen: 300_000 },
      review: 'department',
      materials: ['劳动合同', '毕业证书', '社保缴费明细'],
    },
    100_000_000,
  ),
  policy(
    'mr-quality-benchmark',
    {
      title: '郑州市质量标杆企业',
      legalBasis: '郑市监〔2026〕6号',
      issuer: city('market-regulation'),
      kind: 'honour',
      mode: 'application',
      scope: ALL,
      eligibility: [
        active,
        { name: '登记满3年', logic: { '>=': [{ var: 'market.yearsRegistered' }, 3] } },
        goodTax,
      ],
      amount: { kind: 'none' },
      review: 'department',
      materials: ['质量管理体系认证证书', '自评报告'],
    },
    0,
  ),
  policy(
    'gaoxin-sme-rd',
    {
      title: '高新区科技型中小企业研发补助',
      legalBasis: '郑高管〔2026〕1号',
      issuer: { department: 'science-technology', area: 'gaoxin' },
      kind: 'subsidy',
      mode: 'automatic',
      scope: only('gaoxin'),
      eligibility: [
        active,
        {
          name: '研发投入不少于100万元',
          logic: { '>=': [{ var: 'science.rdSpendLastYearFen' }, 100_000_000] },
        },
      ],
      amount: {
        kind: 'percentage',
        fact: 'science.rdSpendLastYearFen',
        basisPoints: 500,
        capFen: 10_000_000,
      },
      whenBudgetRunsOut: 'pro-rata',
    },
    100_000_000,
  ),
  policy(
    'jinshui-trade-growth',
    {
      title: '金水区商贸企业增长奖励',
      legalBasis: '金政〔2026〕8号',
      issuer: { department: 'commerce', area: 'jinshui' },
      kind: 'reward',
      mode: 'application',
      scope: only('jinshui'),
      eligibility: [
        active,
        { name: '上年纳税不少于50万元', logic: { '>=': [{ var: 'tax.paidLastYearFen' }, 50_000_000] } },
      ],
      amount: { kind: 'fixed', fen: 8_000_000 },
      review: 'department',
      materials: ['上年度纳税证明'],
      whenBudgetRunsOut: 'next-year',
    },
    50_000_000,
  ),
  policy(
    'zhengdong-hq-honour',
    {
      title: '郑东新区总部企业认定',
      legalBasis: '郑东管〔2026〕2号',
      issuer: { department: 'commerce', area: 'zhengdong' },
      kind: 'honour',
      mode: 'automatic',
      scope: only('zhengdong'),
      eligibility: [
        active,
        { name: '参保职工不少于200人', logic: { '>=': [{ var: 'hr.insuredEmployees' }, 200] } },
      ],
      amount: { kind: 'none' },
      noticeWorkingDays: NO_NOTICE_OF_ITS_OWN,
    },
    0,
  ),
];

export const demoCatalogue = (): readonly DemoPolicy[] => CATALOGUE;
