export interface PatentCounts {
  /** Patents granted and not lapsed on the day. */
  inForce: number;
  /** Patents that went into a product (专利转化) within the year. */
  convertedInYear: number;
}

/** Intellectual property (知识产权局): patents granted to enterprises, and their conversion into products. */
export interface IntellectualPropertyPort {
  patentCounts(creditCodes: readonly string[], day: string, year: number): Promise<Map<string, PatentCounts>>;
  grantPatent(patent: {
    patentNo: string;
    creditCode: string;
    grantedOn: string;
    convertedOn?: string;
  }): Promise<void>;
}
