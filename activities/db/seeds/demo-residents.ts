/**
 * Resident counts for the childcare coverage chart on a developer's machine, so that `npm start` and `npm run
 * demo` show slots per 1,000 rather than "not configured". Demo data: the resident population of each area at
 * the end of 2019 as published in 2019年郑州市常住人口主要数据公报 (Zhengzhou Statistics Bureau, in 万人, here
 * ×10,000). A deployment sets its own figures in ONETHING_DISTRICT_RESIDENTS.
 */
import type { District } from '../../../workflows/definitions';

const TEN_THOUSANDS: Record<District, number> = {
  zhongyuan: 79.5,
  erqi: 84.8,
  guancheng: 58.5,
  jinshui: 133.3,
  shangjie: 16.3,
  huiji: 31.1,
  zhongmou: 52.4,
  gongyi: 84.4,
  xingyang: 67.0,
  xinmi: 81.7,
  xinzheng: 65.3,
  dengfeng: 72.7,
  jingkai: 28.4,
  gaoxin: 31.9,
  zhengdong: 74.1,
  hangkonggang: 73.8,
};

/** The figures as ONETHING_DISTRICT_RESIDENTS takes them: `district:residents,…`. */
export const DEMO_DISTRICT_RESIDENTS = Object.entries(TEN_THOUSANDS)
  .map(([district, tenThousands]) => `${district}:${Math.round(tenThousands * 10_000)}`)
  .join(',');
