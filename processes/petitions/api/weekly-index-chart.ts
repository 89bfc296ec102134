/**
 * The weekly index as the newspaper prints it: the week's received, replied and completed, and a bar per category
 * with its count and its share (whole percents that sum to 100).
 */
import type { StoredWeeklyIndex } from '../workflow/weekly-index';
import { PETITION_CATEGORY_LABELS } from '../workflow/details';
import { escapeXml } from '../../../api/svg';

const ROW = 30;
const LABEL = 110;
const BAR = 360;
const TOP = 86;

const rate = (part: number, whole: number) => (whole === 0 ? '—' : `${((part * 100) / whole).toFixed(1)}%`);

export function weeklyIndexChartSvg(index: StoredWeeklyIndex): string {
  const width = LABEL + BAR + 120;
  const height = TOP + index.categories.length * ROW + 20;
  const widest = Math.max(...index.categories.map((c) => c.percent), 1);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="13">`,
    `<title>${escapeXml(`心通桥指数 ${index.week}`)}</title>`,
    `<text x="8" y="22" font-size="16" font-weight="bold">${escapeXml(`心通桥指数 ${index.week}（北京时间 周一至周日）`)}</text>`,
    `<text class="totals" x="8" y="48" data-received="${index.received}" data-replied="${index.replied}" data-completed="${index.completed}">${escapeXml(
      `收到 ${index.received} · 回复 ${index.replied}（${rate(index.replied, index.received)}）· 办结 ${index.completed}（${rate(index.completed, index.received)}）`,
    )}</text>`,
  ];
  index.categories.forEach((share, i) => {
    const y = TOP + i * ROW;
    const length = Math.max((share.percent / widest) * BAR, 1);
    parts.push(
      `<g class="category" data-category="${share.category}" data-count="${share.count}" data-percent="${share.percent}">`,
      `<text x="8" y="${y + 14}">${escapeXml(PETITION_CATEGORY_LABELS[share.category])}</text>`,
      `<rect x="${LABEL}" y="${y}" width="${length}" height="20" fill="#1565c0"/>`,
      `<text x="${LABEL + length + 6}" y="${y + 14}">${share.percent}% · ${share.count}</text>`,
      `</g>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}
