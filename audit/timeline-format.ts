/** The timeline as plain text, as JSON, or as one self-contained HTML page (no scripts, no external assets). */
import type { Actor } from '../workflows/definitions';
import type { Timeline } from './timeline';

const who = (actor?: Actor) =>
  actor ? `${actor.userId} (${actor.roles.join(',')} @ ${actor.department}, ${actor.district})` : '';
const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

export function timelineText(t: Timeline): string {
  const lines = [
    `Decision timeline of ${t.workflowId} (${t.workflowType})`,
    `history SHA-256 ${t.sha256}  (${t.source})`,
    '',
    ...t.entries.map(
      (e) =>
        `${e.at}  ${e.kind.padEnd(8)} ${e.text}` +
        (e.actor ? `  — by ${who(e.actor)}` : '') +
        (e.rule ? `\n${' '.repeat(34)}rule: ${e.rule}` : ''),
    ),
  ];
  if (t.settlement) {
    lines.push('', `Settlement (${t.settlement.basis} prices): total ${yuan(t.settlement.totalFen)}`);
    for (const [party, fen] of Object.entries(t.settlement.totals))
      lines.push(`  ${party.padEnd(16)} ${yuan(fen)}`);
    for (const p of t.settlement.payments) {
      lines.push(
        `  paid ${p.party} ${yuan(p.amountFen)} key ${p.idempotencyKey}${p.reversed ? ' (reversed)' : ''}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

export const timelineJson = (t: Timeline) => `${JSON.stringify(t, null, 2)}\n`;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function timelineHtml(t: Timeline): string {
  const rows = t.entries
    .map(
      (e) =>
        `<tr class="${e.kind}"><td>${escape(e.at)}</td><td>${e.kind}</td><td>${escape(e.text)}` +
        `${e.rule ? `<br><small>rule: ${escape(e.rule)}</small>` : ''}</td><td>${escape(who(e.actor))}</td></tr>`,
    )
    .join('\n');
  const money = t.settlement
    ? `<h2>Settlement (${escape(t.settlement.basis)} prices): ${yuan(t.settlement.totalFen)}</h2><table>` +
      Object.entries(t.settlement.totals)
        .map(([party, fen]) => `<tr><td>${escape(party)}</td><td>${yuan(fen)}</td></tr>`)
        .join('') +
      '</table>'
    : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<title>${escape(t.workflowId)} — decision timeline</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem}table{border-collapse:collapse}td{border-bottom:1px solid #ddd;
padding:.3rem .6rem;vertical-align:top}tr.refused{color:#a00}tr.decision{font-weight:600}code{font-size:12px}</style>
</head><body><h1>${escape(t.workflowId)}</h1>
<p>${escape(t.workflowType)} · history SHA-256 <code>${t.sha256}</code> · ${escape(t.source)}</p>
<table>${rows}</table>${money}</body></html>
`;
}
