/** The admin CLI's commands: each reads its flags, calls /api/admin and prints the outcome. */
import { readFileSync } from 'node:fs';
import { STATION_TYPES } from '../../shared/schemas/index';
import { flagReader, UsageError } from './args';
import { CliError, EXIT, type Command, type Print } from './client';
import { PASS_COMMANDS, PASS_HELP } from './pass-commands';

const localTime = (iso: string): string => {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const zone = `UTC${offset >= 0 ? '+' : '-'}${Math.floor(Math.abs(offset) / 60)}${offset % 60 ? `:${pad(Math.abs(offset) % 60)}` : ''}`;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())} (${zone})`;
};

const printCode = (print: Print, code: string, stationId: string, expiresAt: string) => {
  const spaced = code.split('').join(' ');
  const bar = '─'.repeat(spaced.length + 8);
  print(`Enrollment code for station ${stationId}:`);
  print();
  print(`    ┌${bar}┐`);
  print(`    │    ${spaced}    │`);
  print(`    └${bar}┘`);
  print();
  print(`One desk, one use; valid until ${localTime(expiresAt)}.`);
  print('At the new desk: 设置 Settings → 登记到中心服务器 Enroll, then type the 登记码 enrollment code (case and spaces do not matter).');
};

const parseHours = (text: string | undefined) => {
  if (text === undefined) return undefined;
  const match = /^(\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(text);
  if (!match) throw new UsageError('--hours must look like 06:00-22:00 (every day)');
  return [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, open: match[1]!, close: match[2]! }));
};

const createStation: Command = async (client, args, print) => {
  const flags = flagReader(args, ['id', 'name', 'type', 'capacity', 'hours', 'utc-offset']);
  const type = flags.required('type');
  if (!(STATION_TYPES as readonly string[]).includes(type)) throw new UsageError(`--type must be one of ${STATION_TYPES.join(', ')}`);
  const openingHours = parseHours(flags.optional('hours'));
  const body = {
    id: flags.required('id'),
    name: flags.required('name'),
    type,
    capacity: flags.integer('capacity') ?? (() => { throw new UsageError('create-station needs --capacity (0 = unlimited)'); })(),
    ...(openingHours ? { openingHours } : {}),
    ...(flags.optional('utc-offset') !== undefined ? { utcOffsetMinutes: flags.integer('utc-offset') } : {}),
  };
  const { station } = await client.request<{ station: { id: string; name: string; serverRev: number } }>('POST', '/stations', { json: body });
  print(`Created station ${station.id} (${station.name}).`);
  print(openingHours ? `Open every day ${openingHours[0]!.open}–${openingHours[0]!.close}.` : 'No opening hours set: always open.');
  print(`Next: enroll a desk with   admin enroll --station ${station.id}`);
};

const listStations: Command = async (client, args, print) => {
  flagReader(args, []);
  const { stations } = await client.request<{ stations: Array<{ id: string; name: string; type: string; activeDevices: number; members: number }> }>('GET', '/stations');
  if (stations.length === 0) return print('No stations yet. Create one with admin create-station, or admin seed-demo.');
  for (const s of stations) print(`${s.id.padEnd(24)} ${s.type.padEnd(22)} desks ${String(s.activeDevices).padStart(3)}  members ${String(s.members).padStart(6)}  ${s.name}`);
};

const enroll: Command = async (client, args, print) => {
  const flags = flagReader(args, ['station', 'ttl-hours']);
  const station = flags.required('station');
  const ttlHours = flags.integer('ttl-hours');
  const issued = await client.request<{ code: string; stationId: string; expiresAt: string }>(
    'POST',
    `/stations/${encodeURIComponent(station)}/enrollment-codes`,
    { json: ttlHours === undefined ? {} : { ttlHours } },
  );
  printCode(print, issued.code, issued.stationId, issued.expiresAt);
};

const devices: Command = async (client, args, print) => {
  const flags = flagReader(args, ['station']);
  const station = flags.required('station');
  const { devices: list } = await client.request<{ devices: Array<{ id: string; name: string; createdAt: string; lastSeenAt: string | null; revokedAt: string | null; revokedWhy: string | null }> }>(
    'GET',
    `/stations/${encodeURIComponent(station)}/devices`,
  );
  if (list.length === 0) return print(`No desks enrolled at ${station}.`);
  for (const d of list) {
    const state = d.revokedAt ? `REVOKED ${localTime(d.revokedAt)} (${d.revokedWhy ?? ''})` : `last seen ${d.lastSeenAt ? localTime(d.lastSeenAt) : 'never'}`;
    print(`${d.id}  ${d.name.padEnd(16)}  enrolled ${localTime(d.createdAt)}  ${state}`);
  }
};

const revoke: Command = async (client, args, print) => {
  const flags = flagReader(args, ['reason']);
  const [deviceId, ...extra] = args.positionals;
  if (!deviceId || extra.length > 0) throw new UsageError('usage: admin revoke <deviceId> [--reason "why"]');
  const reason = flags.optional('reason');
  const result = await client.request<{ alreadyRevoked: boolean; device: { id: string; name: string; stationId: string } }>(
    'POST',
    `/devices/${encodeURIComponent(deviceId)}/revoke`,
    { json: reason ? { reason } : {} },
  );
  print(result.alreadyRevoked ? `Desk ${deviceId} was already revoked.` : `Revoked desk ${result.device.id} (${result.device.name}) of ${result.device.stationId}; its next request is refused.`);
};

const importMembers: Command = async (client, args, print) => {
  const flags = flagReader(args, ['station']);
  const station = flags.required('station');
  const [file, ...extra] = args.positionals;
  if (!file || extra.length > 0) throw new UsageError('usage: admin import-members --station <id> <file.csv>');
  let csv: Buffer;
  try {
    csv = readFileSync(file);
  } catch (error) {
    throw new CliError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, EXIT.failed);
  }
  const report = await client.request<{ imported: number; updated: number; unchanged: number; errors: Array<{ line: number; message: string }>; errorCount: number }>(
    'POST',
    `/stations/${encodeURIComponent(station)}/members/import`,
    { csv },
  );
  print(`${station}: ${report.imported} new, ${report.updated} updated, ${report.unchanged} unchanged, ${report.errorCount} rejected.`);
  for (const e of report.errors) print(`  line ${e.line}: ${e.message}`);
  if (report.errorCount > report.errors.length) print(`  … and ${report.errorCount - report.errors.length} more`);
  if (report.errorCount > 0) throw new CliError('Some rows were not imported; fix them and import the file again (imported rows are not duplicated).', EXIT.failed);
};

const seedDemo: Command = async (client, args, print) => {
  flagReader(args, []);
  const result = await client.request<{ stationId: string; created: boolean; enrollmentCode: string; expiresAt: string }>('POST', '/demo', { json: {} });
  print(result.created ? `Seeded the demo station ${result.stationId}.` : `The demo station ${result.stationId} already exists.`);
  print();
  printCode(print, result.enrollmentCode, result.stationId, result.expiresAt);
};

const rotateTokenKeys: Command = async (client, args, print) => {
  flagReader(args, ['retire-old']);
  const retireOld = args.flags.has('retire-old');
  if (retireOld && args.flags.get('retire-old') !== true) throw new UsageError('--retire-old takes no value');
  if (args.positionals.length > 0) throw new UsageError('usage: admin rotate-token-keys [--retire-old]');
  const { keys } = await client.request<{ keys: Array<{ purpose: string; kid: string; retiring: string[]; retireAt: string }> }>('POST', '/token-keys/rotate', { json: { retireOld } });
  for (const k of keys) {
    const old = k.retiring.length > 0 ? `; old key ${k.retiring.join(', ')} ${retireOld ? 'refused now' : `verifies until ${k.retireAt}`}` : '';
    print(`${k.purpose === 'access' ? 'Desk access tokens' : 'Member tokens'}: new signing key ${k.kid}${old}.`);
  }
  print(retireOld ? 'Desks refresh their access tokens by themselves; members sign in again.' : 'Nobody is signed out.');
};

export const COMMANDS: Record<string, Command> = {
  'create-station': createStation,
  stations: listStations,
  enroll,
  devices,
  revoke,
  'import-members': importMembers,
  'seed-demo': seedDemo,
  'rotate-token-keys': rotateTokenKeys,
  ...PASS_COMMANDS,
};

export const HELP = `Station Desk admin CLI

  admin create-station --id <id> --name <name> --type <type> --capacity <n> [--hours 06:00-22:00] [--utc-offset 480]
  admin stations
  admin enroll --station <id> [--ttl-hours 24]        issue a one-time enrollment code for a new desk
  admin devices --station <id>                        list the station's desks
  admin revoke <deviceId> [--reason "lost laptop"]    revoke a desk
  admin import-members --station <id> <file.csv>      columns cardNo,name,phone,category,status,validUntil
  admin seed-demo                                     create the demo station (if absent) and issue a code
  admin rotate-token-keys [--retire-old]              new keys for desk and member tokens; --retire-old ends the old ones now (leak)
${PASS_HELP}
  admin help

Station types: ${STATION_TYPES.join(', ')}
Server: --server <url> or STATION_DESK_SERVER (default http://127.0.0.1:5180)
Token:  ADMIN_TOKEN, else <STATION_DESK_DATA or .data/server>/admin-token
Exit codes: 0 ok, 1 refused or failed, 2 usage, 3 server unreachable, 4 admin token refused`;
