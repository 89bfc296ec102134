/**
 * Every activity the worker runs: the platform's own and each process's (processes/index.ts), each able to carry
 * the case's progress. Two processes may not name an activity alike: the worker would run only one of them.
 */
import { carryingCaseProgress, createPlatformActivities, type ActivityDeps } from '../activities';
import { PROCESS_MODULES, type ProcessModule } from '../processes';

type ActivityFunction = (...args: never[]) => Promise<unknown>;

export function createActivities(
  deps: ActivityDeps,
  modules: readonly ProcessModule[] = PROCESS_MODULES,
): Record<string, ActivityFunction> {
  const activities: Record<string, ActivityFunction> = { ...createPlatformActivities(deps.adapters) };
  for (const module of modules) {
    for (const [name, activity] of Object.entries(module.activities(deps))) {
      if (name in activities) throw new Error(`activity ${name} of ${module.name} is named twice`);
      activities[name] = activity;
    }
  }
  return carryingCaseProgress(activities, (progress) => deps.adapters.caseProgress.record(progress));
}
