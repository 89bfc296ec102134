/** Dates and money as a clerk in Zhengzhou reads them: Beijing time, yuan with two decimals. */

const beijing = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** `2026年12月7日周一 14:30` */
export const beijingTime = (iso: string): string => beijing.format(new Date(iso));

const yuan = new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY' });

/** Integer fen as `¥1,234.50`. */
export const fenAsYuan = (fen: number): string => yuan.format(fen / 100);

/** A field that holds money in fen (the API names such fields `…Fen`). */
export const isFenField = (name: string): boolean => /Fen$/.test(name);
