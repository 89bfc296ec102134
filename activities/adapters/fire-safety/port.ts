/** Fire safety (消防救援支队): whether a provider's site has its fire-safety sign-off. */
export interface FireSafetyPort {
  /** The site's sign-off: passed, failed, or undefined when none is on file. */
  signOff(creditCode: string, siteKey: string): Promise<boolean | undefined>;
  recordSignOff(creditCode: string, siteKey: string, passed: boolean): Promise<void>;
}
