import type { Department } from '../../../workflows/definitions';
import type { PressCallAnswer, PressVerdict } from '../../../workflows/kit/department-words';
import type { Db } from '../../db/connection';
import type { FollowUpCall, PublicSupervisionPort, PublishedOutcome, SiteVisit, TakeUp } from './port';

interface CallRow {
  call_key: string;
  case_id: string;
  reporter: string;
  called_department: Department | null;
  called_organisation: string | null;
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
const TAKE_UPS = 'public_supervision.take_ups';
const VISITS = 'public_supervision.site_visits';
const OUTCOMES = 'public_supervision.published_outcomes';

export class PostgresPublicSupervision implements PublicSupervisionPort {
  constructor(private readonly db: Db) {}

  async recordTakeUp(takeUp: TakeUp): Promise<void> {
    await this.db(TAKE_UPS)
      .insert({
        case_id: takeUp.caseId,
        reporter: takeUp.reporter,
        account: takeUp.account,
        taken_up_at: takeUp.takenUpAt,
      })
      .onConflict('case_id')
      .ignore();
  }

  async takeUp(caseId: string): Promise<TakeUp | undefined> {
    const row = await this.db<{ case_id: string; reporter: string; account: string; taken_up_at: Date }>(
      TAKE_UPS,
    )
      .where({ case_id: caseId })
      .first();
    return (
      row && {
        caseId,
        reporter: row.reporter,
        account: row.account,
        takenUpAt: row.taken_up_at.toISOString(),
      }
    );
  }

  async recordVisit(visit: SiteVisit): Promise<void> {
    await this.db(VISITS)
      .insert({
        visit_key: visit.visitKey,
        case_id: visit.caseId,
        reporter: visit.reporter,
        place: visit.place,
        seen: visit.seen,
        visited_at: visit.visitedAt,
      })
      .onConflict('visit_key')
      .ignore();
  }

  async visits(caseId: string): Promise<SiteVisit[]> {
    const rows = await this.db<{
      visit_key: string;
      case_id: string;
      reporter: string;
      place: string;
      seen: string;
      visited_at: Date;
    }>(VISITS)
      .where({ case_id: caseId })
      .orderBy('visited_at');
    return rows.map((row) => ({
      visitKey: row.visit_key,
      caseId: row.case_id,
      reporter: row.reporter,
      place: row.place,
      seen: row.seen,
      visitedAt: row.visited_at.toISOString(),
    }));
  }

  async recordCall(call: FollowUpCall): Promise<void> {
    await this.db(CALLS)
      .insert({
        call_key: call.callKey,
        case_id: call.caseId,
        reporter: call.reporter,
        called_department: call.calledDepartment ?? null,
        called_organisation: call.calledOrganisation ?? null,
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
      ...(row.called_department ? { calledDepartment: row.called_department } : {}),
      ...(row.called_organisation ? { calledOrganisation: row.called_organisation } : {}),
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
