/**
 * The people a developer may sign in to the workbench as, without a password: one for each desk the demo's cases
 * reach. Development only — `workbenchRouter` never offers them when NODE_ENV=production. Roles and departments,
 * never real names.
 */
import type { Claims } from '../auth';

export interface DemoPerson {
  id: string;
  claims: Claims;
}

const person = (id: string, name: string, claims: Omit<Claims, 'sub' | 'name'>): DemoPerson => ({
  id,
  claims: { sub: `demo-${id}`, name, ...claims },
});

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  // The window clerks call residents and petitioners back: their work needs a contact unmasked (each read audited).
  person('gas-clerk-jinshui', '燃气公司金水区窗口经办人', {
    dept: 'gas-company',
    district: 'jinshui',
    roles: ['clerk'],
    perms: ['unmask-personal-data'],
  }),
  person('installer-jinshui', '金水区安装队安装人员', {
    dept: 'installer',
    district: 'jinshui',
    roles: ['installer'],
  }),
  person('district-finance-jinshui', '金水区财政局经办人', {
    dept: 'district-finance',
    district: 'jinshui',
    roles: ['finance'],
  }),
  person('petition-clerk-jinshui', '金水区信访局经办人', {
    dept: 'petition-office',
    district: 'jinshui',
    roles: ['clerk'],
    perms: ['unmask-personal-data'],
  }),
  person('urban-management-jinshui', '金水区城市管理局经办人', {
    dept: 'urban-management',
    district: 'jinshui',
    roles: ['clerk'],
  }),
  person('health-clerk-jinshui', '金水区卫健委经办人', {
    dept: 'health-commission',
    district: 'jinshui',
    roles: ['clerk'],
  }),
  person('health-inspector-jinshui', '金水区卫健委核查员', {
    dept: 'health-commission',
    district: 'jinshui',
    roles: ['inspector'],
  }),
  person('gas-safety-supervisor', '市燃气安全办负责人', {
    dept: 'gas-safety-office',
    district: 'city',
    roles: ['supervisor'],
  }),
];
