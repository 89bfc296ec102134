/**
 * `npm run search-attributes`: registers the platform's custom search attributes on the configured Temporal
 * (TEMPORAL_ADDRESS / TEMPORAL_NAMESPACE / TLS or API key, as every other process reads them). `--print` only
 * prints the equivalent `temporal operator` commands, for an operator who registers them by hand.
 */
import { Command } from 'commander';
import { loadConfig } from './config';
import { ensureSearchAttributes, registrationCommands } from './search-attributes';
import { connectClient } from './temporal';

async function main(): Promise<void> {
  const options = new Command('search-attributes')
    .description("Register OneThing's custom search attributes in the configured namespace")
    .option('--print', 'print the temporal CLI commands instead of registering')
    .parse()
    .opts<{ print?: boolean }>();
  const config = loadConfig();
  const { namespace } = config.temporal;
  if (options.print) {
    for (const command of registrationCommands(namespace)) console.log(command);
    return;
  }
  const client = await connectClient(config, { interactive: true });
  try {
    const added = await ensureSearchAttributes(client, namespace);
    console.log(
      added.length ? `registered in ${namespace}: ${added.join(', ')}` : `${namespace} already has them all`,
    );
  } finally {
    await client.connection.close();
  }
}

main().catch((error: Error) => {
  console.error(`could not register search attributes: ${error.message}`);
  process.exit(1);
});
