import { AppError } from '../../shared/errors';
import { COMMANDS } from './commands';

// `npm run cli -- <command> [options]`: the same core as the app, for scripts and support.

function help(): void {
  console.log('Rakor KLA — baris perintah\n\nPemakaian: npm run cli -- <perintah> [opsi]\n');
  for (const c of COMMANDS) console.log(`  ${c.usage.padEnd(70)} ${c.summary}`);
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help') {
    help();
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    console.error(`Perintah tidak dikenal: ${name}\n`);
    help();
    return 2;
  }
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Option errors from parseArgs and AppErrors are the user's to fix: say so plainly.
    const message = error instanceof AppError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
      ? (error as Error).message
      : `Gagal: ${(error as Error).message}`;
    console.error(message);
    process.exit(1);
  },
);
