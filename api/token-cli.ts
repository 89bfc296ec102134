/** `npm run token -- --role clerk --dept gas-company --district jinshui`: prints a signed development token. */
import { Command, Option } from 'commander';
import { DEPARTMENT_CODES, DISTRICT_CODES, ROLES } from '../workflows/definitions';
import { loadConfig, refuseInProduction } from '../platform/config';
import { claimsSchema, PERMISSIONS, signToken } from './auth';

async function main(): Promise<void> {
  const options = new Command('token')
    .description('Print a signed JWT for trying the API (development)')
    .addOption(new Option('--role <role...>', 'one or more roles').choices(ROLES).makeOptionMandatory())
    .addOption(
      new Option('--dept <department>', 'department code').choices(DEPARTMENT_CODES).makeOptionMandatory(),
    )
    .addOption(
      new Option('--district <district>', 'district code or city')
        .choices([...DISTRICT_CODES, 'city'])
        .makeOptionMandatory(),
    )
    .option('--sub <id>', 'user id (staff reference, not personal data)', 'dev-user')
    .option('--name <name>', 'display name', 'Dev User')
    .addOption(new Option('--perm <permission...>', 'extra permissions').choices(PERMISSIONS))
    .option(
      '--org <creditCode>',
      'an enterprise token (--dept enterprise --role legal-person): its credit code',
    )
    .parse()
    .opts<{
      role: string[];
      dept: string;
      district: string;
      sub: string;
      name: string;
      perm?: string[];
      org?: string;
    }>();
  const config = loadConfig();
  refuseInProduction(config, 'npm run token');
  const claims = claimsSchema.parse({
    sub: options.sub,
    name: options.name,
    dept: options.dept,
    district: options.district,
    roles: options.role,
    ...(options.perm ? { perms: options.perm } : {}),
    ...(options.org ? { org: options.org } : {}),
  });
  console.log(await signToken(claims, config.jwt));
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
