/** The city childcare credit platform (托育信用平台): staff integrity records and provider records. */
export interface CreditPlatformPort {
  /** How many of these qualification certificates the blacklist names (the numbers never leave the adapter). */
  blacklistedCount(certificateNumbers: readonly string[]): Promise<number>;
  /** Whether the provider (by unified social credit code) has no adverse record. */
  providerRecordClean(creditCode: string): Promise<boolean>;
  blacklistStaff(certificateNumber: string, reason: string): Promise<void>;
  recordProviderFinding(creditCode: string, finding: string, adverse: boolean): Promise<void>;
}
