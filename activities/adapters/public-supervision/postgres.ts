import type { Department } from '../../../workflows/definitions';
import type { PressCallAnswer, PressVerdict } from '../../../workflows/petitions/contract';
import type { Db } from '../../db/connection';
import type { FollowUpCall, PublicSupervisionPort, PublishedOutcome } from './port';

interface CallRow {
  call_key: string;
  case_id: string;
  reporter: string;
  called_department: Department;
  answer: PressCallAnswer;
  account: string;
  called_at: Date;
}

interface OutcomeRow {
  case_id: string;
  reporter: string;
  verdict: PressVerdict;
  headline: string;
  url: string;
  published_at: Date;
}

const CALLS = 'public_supervision.follow_up_calls';
const OUTCOMES = 'public_supervision.published_outcomes';

export class PostgresPublicSupervision implements PublicSupervisionPort {
  constructor(private readonly db: Db) {}

  async recordCall(call: FollowUpCall): Promise<void> {
    await this.db(CALLS)
      .insert({
        call_key: call.callKey,
        case_id: call.caseId,
        reporter: call.reporter,
        called_department: call.calledDepartment,
        answer: call.answer,
        account: call.account,
        called_at: call.calledAt,
      })
      .onConflict('call_key')
      .ignore();
  }

  async calls(caseId: string): Promise<FollowUpCall[]> {
    const rows = await this.db<CallRow>(CALLS).where({ case_id: caseId }).orderBy('called_at');
    return rows.map((row) => ({
      callKey: row.call_key,
      caseId: row.case_id,
      reporter: row.reporter,
      calledDepartment: row.called_department,
      answer: row.answer,
      account: row.account,
      calledAt: row.called_at.toISOString(),
    }));
  }

  async publish(outcome: PublishedOutcome): Promise<PublishedOutcome> {
    await this.db(OUTCOMES)
      .insert({
        case_id: outcome.caseId,
        reporter: outcome.reporter,
        verdict: outcome.verdict,
        headline: outcome.headline,
        url: outcome.url,
        published_at: outcome.publishedAt,
      })
      .onConflict('case_id')
      .ignore();
    return (await this.published(outcome.caseId))!;
  }

  async published(caseId: string): Promise<PublishedOutcome | undefined> {
    const row = await this.db<OutcomeRow>(OUTCOMES).where({ case_id: caseId }).first();
    return (
      row && {
        caseId: row.case_id,
        reporter: row.reporter,
        verdict: row.verdict,
        headline: row.headline,
        url: row.url,
        publishedAt: row.published_at.toISOString(),
      }
    );
  }
}
