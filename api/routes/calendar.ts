/**
 * The working-day calendar behind every deadline counted in working days. The State Council publishes each year's
 * holiday schedule late in the year before; the platform's operator (the city's big-data bureau) loads it here, and
 * deadlines computed from then on count it (deadlines already recorded in a case's history keep their value). Every
 * petition and childcare deadline counts on it, so no department's supervisor may change it.
 */
import { Router } from 'express';
import type { PublishYear } from '../../activities/adapters/calendar/port';
import { actorOf, authorize, type AccessRule } from '../auth';
import type { ApiDeps } from '../deps';
import { ForbiddenError, NotFoundError, ValidationError, type FieldProblem } from '../errors';
import { errorResponse, jsonBody, jsonContent, type ApiRoute, type Refusal } from '../openapi';
import { calendarYearParamsSchema, calendarYearSchema, publishCalendarYearSchema } from '../schemas';
import { parse } from '../validation';

const YEARS = '/v1/calendar/years';
const PUBLISH: AccessRule = { roles: ['supervisor', 'admin'], departments: ['big-data-bureau'] };
const READ: AccessRule = {
  roles: ['clerk', 'supervisor', 'auditor', 'finance', 'installer', 'grid-worker', 'admin'],
};

const SCHEDULE_RULES = {
  ofItsYear: 'must be a day of ',
  once: 'must not be listed twice',
  weekend: 'must be a Saturday or Sunday (a weekday is worked anyway)',
  notAHoliday: 'must not also be a holiday',
};
const SCHEDULE_REFUSALS: Refusal[] = [
  ...(['holidays', 'makeUpWorkdays'] as const).flatMap((list) => [
    { field: `${list}.*`, rule: `${SCHEDULE_RULES.ofItsYear}…` },
    { field: `${list}.*`, rule: SCHEDULE_RULES.once },
  ]),
  { field: 'makeUpWorkdays.*', rule: SCHEDULE_RULES.weekend },
  { field: 'makeUpWorkdays.*', rule: SCHEDULE_RULES.notAHoliday },
];

export const calendarRoutes: ApiRoute[] = [
  {
    method: 'put',
    path: `${YEARS}/{year}`,
    summary:
      'Load a year’s statutory holiday schedule (the city’s big-data bureau, the platform’s operator); later deadlines count it',
    security: [{ bearer: [] }],
    request: { params: calendarYearParamsSchema, body: jsonBody(publishCalendarYearSchema) },
    refusals: SCHEDULE_REFUSALS,
    responses: {
      200: { description: 'The year’s schedule as it now stands', ...jsonContent(calendarYearSchema) },
    },
  },
  {
    method: 'get',
    path: `${YEARS}/{year}`,
    summary:
      'A year’s holiday schedule, and whether the city loaded it or it comes from the calendar package',
    security: [{ bearer: [] }],
    request: { params: calendarYearParamsSchema },
    responses: {
      200: { description: 'The year’s schedule', ...jsonContent(calendarYearSchema) },
      404: errorResponse('No schedule is published for the year'),
    },
  },
];

/** Rules a schedule must keep beyond its shape: its days in its year, each once, make-up days on weekends. */
function scheduleProblems(year: number, body: Omit<PublishYear, 'year' | 'publishedBy'>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const check = (field: 'holidays' | 'makeUpWorkdays', days: readonly string[]) =>
    days.forEach((day, i) => {
      if (!day.startsWith(`${year}-`))
        problems.push({ field: `${field}.${i}`, rule: `${SCHEDULE_RULES.ofItsYear}${year}` });
      if (days.indexOf(day) !== i) problems.push({ field: `${field}.${i}`, rule: SCHEDULE_RULES.once });
    });
  check('holidays', body.holidays);
  check('makeUpWorkdays', body.makeUpWorkdays);
  body.makeUpWorkdays.forEach((day, i) => {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) {
      problems.push({ field: `makeUpWorkdays.${i}`, rule: SCHEDULE_RULES.weekend });
    }
    if (body.holidays.includes(day)) {
      problems.push({ field: `makeUpWorkdays.${i}`, rule: SCHEDULE_RULES.notAHoliday });
    }
  });
  return problems;
}

export function calendarRouter({ adapters }: ApiDeps): Router {
  const router = Router();

  router.put(`${YEARS}/:year`, async (req, res) => {
    const { year } = parse(calendarYearParamsSchema, req.params, 'params');
    const actor = actorOf(res);
    authorize(actor, PUBLISH);
    if (actor.district !== 'city')
      throw new ForbiddenError('the calendar is the city’s: requires district city');
    const body = parse(publishCalendarYearSchema, req.body);
    const problems = scheduleProblems(year, body);
    if (problems.length > 0) throw new ValidationError(problems);
    res.json(await adapters.calendar.publishYear({ year, ...body, publishedBy: actor.userId }));
  });

  router.get(`${YEARS}/:year`, async (req, res) => {
    const { year } = parse(calendarYearParamsSchema, req.params, 'params');
    authorize(actorOf(res), READ);
    const schedule = await adapters.calendar.scheduleFor(year);
    if (!schedule) throw new NotFoundError(`no holiday schedule is published for ${year}`);
    res.json(schedule);
  });

  return router;
}
