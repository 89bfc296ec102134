/**
 * The chart of what the policies have paid this year: a bar per policy against its budget (the outline), then a
 * bar per area. Amounts as a Chinese reader reads them: 万元 with two decimals.
 */
import { escapeXml as escape } from '../../../api/svg';
import { DEPARTMENTS, DISTRICTS } from '../../../workflows/kit/vocabulary';
import type { PaidReport } from './paid-report';

const ROW = 30;
const LABEL = 300;
const BAR = 360;
const TOP = 50;

const wan = (fen: number) => `${(fen / 1_000_000).toFixed(2)} 万元`;

export function paidChartSvg(report: PaidReport): string {
  const rows = report.policies.length + report.districts.length;
  const width = LABEL + BAR + 160;
  const height = TOP + rows * ROW + 70;
  const maxFen = Math.max(
    1,
    ...report.policies.map((p) => Math.max(p.paidFen, p.budgetFen ?? 0)),
    ...report.districts.map((d) => d.paidFen),
  );
  const length = (fen: number) => Math.max((fen / maxFen) * BAR, fen > 0 ? 1 : 0);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="13">`,
    `<title>${escape(`亲清在线政策兑现 ${report.year} 年累计`)}</title>`,
    `<text x="8" y="22" font-size="15" font-weight="bold">${escape(`${report.year} 年累计兑现 ${wan(report.totalFen)}（${report.payments} 笔）`)}</text>`,
  ];
  report.policies.forEach((policy, i) => {
    const y = TOP + i * ROW;
    parts.push(
      `<g class="policy" data-policy="${escape(policy.policyId)}">`,
      `<text x="8" y="${y + 14}">${escape(`${policy.title}（${DEPARTMENTS[policy.issuer]}）`)}</text>`,
      ...(policy.budgetFen === null
        ? []
        : [
            `<rect class="budget" x="${LABEL}" y="${y}" width="${length(policy.budgetFen)}" height="18" fill="none" stroke="#90a4ae"/>`,
          ]),
      `<rect class="paid" x="${LABEL}" y="${y}" width="${length(policy.paidFen)}" height="18" fill="#1565c0"/>`,
      `<text x="${LABEL + Math.max(length(policy.paidFen), length(policy.budgetFen ?? 0)) + 6}" y="${y + 14}">${escape(wan(policy.paidFen))}</text>`,
      `</g>`,
    );
  });
  const areasTop = TOP + report.policies.length * ROW + 30;
  parts.push(
    `<text x="8" y="${areasTop - 8}" font-size="15" font-weight="bold">${escape('按区县（市）')}</text>`,
  );
  report.districts.forEach((area, i) => {
    const y = areasTop + i * ROW;
    parts.push(
      `<g class="district" data-district="${area.district}">`,
      `<text x="8" y="${y + 14}">${escape(DISTRICTS[area.district])}</text>`,
      `<rect class="paid" x="${LABEL}" y="${y}" width="${length(area.paidFen)}" height="18" fill="#2e7d32"/>`,
      `<text x="${LABEL + length(area.paidFen) + 6}" y="${y + 14}">${escape(wan(area.paidFen))}</text>`,
      `</g>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}
