/**
 * The admin CLI (`npm run admin -- <command>`): an HTTP client of the server's /api/admin, so it
 * works against a local or remote server alike and every action lands in the server's audit log.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseServerUrl } from '../../shared/ipc/validate';
import { readAdminTokenFile, adminTokenPath } from '../admin-token';
import { loadConfig } from '../config';
import { parseArgs, UsageError } from './args';
import { CliError, createAdminClient, EXIT } from './client';
import { COMMANDS, HELP } from './commands';

export const DEFAULT_SERVER = 'http://127.0.0.1:5180';

export const runCli = async (argv: readonly string[], env: NodeJS.ProcessEnv = process.env, print = (line = '') => console.info(line)): Promise<number> => {
  try {
    const args = parseArgs(argv);
    if (args.command === 'help' || args.flags.has('help') || args.command === '--help' || args.command === '-h') {
      print(HELP);
      return EXIT.ok;
    }
    const command = COMMANDS[args.command];
    if (!command) throw new UsageError(`unknown command "${args.command}"`);
    const server = args.flags.get('server');
    const parsed = parseServerUrl(typeof server === 'string' ? server : (env.STATION_DESK_SERVER ?? DEFAULT_SERVER));
    if ('problem' in parsed) throw new UsageError(`the server address ${parsed.problem}`);
    const dataDir = loadConfig(env).dataDir;
    const token = env.ADMIN_TOKEN || readAdminTokenFile(dataDir);
    if (!token) throw new CliError(`No admin token: set ADMIN_TOKEN, or run this where the server keeps ${adminTokenPath(dataDir)}.`, EXIT.auth);
    await command(createAdminClient(parsed.url, token), args, print);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`admin: ${error.message}\n\n${HELP}`);
      return EXIT.usage;
    }
    if (error instanceof CliError) {
      console.error(`admin: ${error.message}`);
      return error.exitCode;
    }
    console.error('admin: unexpected failure:', error);
    return EXIT.failed;
  }
};

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  void runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
