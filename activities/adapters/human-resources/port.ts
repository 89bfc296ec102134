/** Human resources and social security (人力资源和社会保障局): employees insured per enterprise and month. */
export interface HumanResourcesPort {
  /** Each of these enterprises' insured employees in its latest reported month. */
  insuredEmployees(creditCodes: readonly string[]): Promise<Map<string, number>>;
  recordInsured(record: { creditCode: string; month: string; insured: number }): Promise<void>;
}
