/** The childcare subsidy's workflow, for the worker's bundle entry (workflows/index.ts). */
export { childcareApplication } from './application-workflow';
