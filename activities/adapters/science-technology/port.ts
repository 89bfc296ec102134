/** Science and technology (科技局): high-tech enterprise certificates (高新技术企业) and yearly R&D spend. */
export interface ScienceTechnologyPort {
  /** Which of these enterprises hold a certificate valid on the day (YYYY-MM-DD). */
  highTechOn(creditCodes: readonly string[], day: string): Promise<Set<string>>;
  /** The year's R&D spend of each of these enterprises that reported one, fen. */
  rdSpend(creditCodes: readonly string[], year: number): Promise<Map<string, number>>;
  certify(certificate: {
    certificateNo: string;
    creditCode: string;
    validFrom: string;
    validUntil: string;
  }): Promise<void>;
  recordRdSpend(record: { creditCode: string; year: number; rdSpendFen: number }): Promise<void>;
}
