/** The petitions' workflows, for the worker's bundle entry (workflows/index.ts). */
export { petition } from './petition-workflow';
export { petitionWeeklyIndex } from './weekly-index-workflow';
