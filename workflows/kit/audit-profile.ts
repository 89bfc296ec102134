/**
 * What an auditor's tools need to know of a process, declared by the process in its own folder: its decisions
 * (the rules table: who may take each, at which stage), the ledgers its money goes through, and how to read the
 * settlement off the state where a case's history ends. `audit/` holds no process's names.
 */
import type { DecisionRules } from './access';

export interface RecordedPayment {
  party: string;
  amountFen: number;
  idempotencyKey: string;
  reversed: boolean;
}

export interface SettlementEvidence<Party extends string> {
  /** What the prices rested on, e.g. `tender`. */
  basis: string;
  totalFen: number;
  /** Each party's share as the history recorded it. */
  recorded: Record<Party, number>;
  /** Each party's share as the process's rules give it from the same items and prices. */
  derived: Record<Party, number>;
  /** What each party's ledger must hold for the case now, net (nothing once the settlement was reversed). */
  owed: Record<Party, number>;
  payments: RecordedPayment[];
}

export interface ProcessAuditProfile<Party extends string = string> {
  workflowType: string;
  rules: DecisionRules<string, string>;
  /** The PostgreSQL ledger table of each party that pays, keyed by case ID. */
  ledgers: Record<Party, string>;
  /** The case's settlement, from the state where its history ends; undefined when it settled nothing. */
  settlementOf: (state: unknown) => SettlementEvidence<Party> | undefined;
}
