/** The probe's workflow, for its worker's bundle (as each process's workflow/workflows.ts). */
export { kitProbe } from './probe-workflow';
