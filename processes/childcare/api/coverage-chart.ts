/**
 * The coverage chart a supervisor looks at: one row per district, a bar of slots per 1,000 residents against the
 * year's target (the dashed line), and a bar of the public and 公建民营 share against 50%. Green when the target is
 * met, amber when not, grey when the district has no resident count configured.
 */
import { DISTRICTS } from '../../../workflows/kit/vocabulary';
import { COVERAGE_TARGETS, type DistrictCoverage } from '../workflow/coverage';
import { escapeXml as escape } from '../../../api/svg';

const ROW = 44;
const LABEL = 120;
const BAR = 300;
const GAP = 40;
const TOP = 56;

const colour = (met: boolean | null) => (met === null ? '#9e9e9e' : met ? '#2e7d32' : '#f9a825');
const mark = (met: boolean | null) => (met === null ? '' : met ? ' ✓' : ' ✗');

/** The counting targets under each row: each count against its target, marked met or not where it applies. */
function countsLine(row: DistrictCoverage): string {
  const m = row.targetsMet;
  return [
    `${row.providers} 家 · ${row.slots} 托位`,
    `≥50 托位机构 ${row.largeProviders}/${row.largeProvidersTarget}${mark(m.largeProviders)}`,
    ...(row.publicProvidersTarget === null
      ? []
      : [`公办机构 ${row.publicProviders}/${row.publicProvidersTarget}${mark(m.publicProviders)}`]),
    `街道（乡镇）覆盖 ${row.streetsCovered}/${row.streetsKnown}${mark(m.everyStreetCovered)}`,
    `社区覆盖 ${row.communitiesCovered}/${row.communitiesKnown}${mark(m.everyCommunityCovered)}`,
  ].join(' · ');
}

export function coverageChartSvg(rows: readonly DistrictCoverage[], year: number): string {
  const width = LABEL + 2 * BAR + GAP + 40;
  const height = TOP + rows.length * ROW + 30;
  const target = rows[0]?.slotsPerThousandTarget ?? 0;
  // The scale leaves room past the target, or past the best district if it is further.
  const maxRate = Math.max(target * 1.5, ...rows.map((r) => r.slotsPerThousand ?? 0), 1);
  const rateX = (rate: number) => LABEL + (rate / maxRate) * BAR;
  const shareX0 = LABEL + BAR + GAP;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="13">`,
    `<title>${escape(`普惠托育覆盖情况 ${year}`)}</title>`,
    `<text x="${LABEL}" y="20" font-size="15" font-weight="bold">${escape(`每千人托位数（${year} 年目标 ${target}）`)}</text>`,
    `<text x="${shareX0}" y="20" font-size="15" font-weight="bold">${escape(`公办及公建民营托位占比（目标 ${COVERAGE_TARGETS.publicShare * 100}%）`)}</text>`,
    `<line class="target" x1="${rateX(target)}" y1="${TOP - 16}" x2="${rateX(target)}" y2="${height - 24}" stroke="#555" stroke-dasharray="4 3"/>`,
    `<line class="target" x1="${shareX0 + COVERAGE_TARGETS.publicShare * BAR}" y1="${TOP - 16}" x2="${shareX0 + COVERAGE_TARGETS.publicShare * BAR}" y2="${height - 24}" stroke="#555" stroke-dasharray="4 3"/>`,
  ];
  rows.forEach((row, i) => {
    const y = TOP + i * ROW;
    const rate = row.slotsPerThousand;
    const share = row.publicShare;
    parts.push(
      `<g class="district" data-district="${row.district}">`,
      `<text x="8" y="${y + 14}">${escape(DISTRICTS[row.district])}</text>`,
      `<rect class="rate" x="${LABEL}" y="${y}" width="${Math.max(rateX(rate ?? 0) - LABEL, 1)}" height="18" fill="${colour(row.targetsMet.slotsPerThousand)}"/>`,
      `<text x="${rateX(rate ?? 0) + 4}" y="${y + 14}">${escape(rate === null ? '未配置常住人口' : `${rate}`)}</text>`,
      `<rect class="share" x="${shareX0}" y="${y}" width="${Math.max((share ?? 0) * BAR, 1)}" height="18" fill="${colour(row.targetsMet.publicShare)}"/>`,
      `<text x="${shareX0 + (share ?? 0) * BAR + 4}" y="${y + 14}">${escape(share === null ? '无托位' : `${Math.round(share * 1000) / 10}%`)}</text>`,
      `<text class="counts" x="${LABEL}" y="${y + 32}" font-size="11" fill="#555">${escape(countsLine(row))}</text>`,
      `</g>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}
