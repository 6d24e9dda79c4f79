/**
 * The admin CLI's member-pass commands: issue a pass, revoke passes, rotate and list the signing
 * keys, and write the printable demo sheet. Each calls /api/admin like the other commands.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { renderDemoSheet } from '../services/passes/demo-sheet';
import type { DemoEntry } from '../services/passes/demo-passes';
import { flagReader, UsageError } from './args';
import { CliError, EXIT, type Command } from './client';

interface IssuedPass {
  pass: string;
  id: string;
  memberId: string;
  stationId: string;
  name: string;
  cardNo: string;
  kid: string;
  validUntil: string;
}

const issuePass: Command = async (client, args, print) => {
  const flags = flagReader(args, ['valid-days', 'station']);
  const [memberId, ...extra] = args.positionals;
  if (!memberId || extra.length > 0) throw new UsageError('usage: admin issue-pass <memberId> [--valid-days 365] [--station <id>]');
  const validDays = flags.integer('valid-days');
  const station = flags.optional('station');
  const issued = await client.request<IssuedPass>('POST', '/passes', {
    json: { memberId, ...(validDays === undefined ? {} : { validDays }), ...(station ? { stationId: station } : {}) },
  });
  print(`Pass ${issued.id} for ${issued.name} (${issued.memberId}, card ${issued.cardNo}, station ${issued.stationId})`);
  print(`Valid until ${issued.validUntil}, signed with key ${issued.kid}. The QR carries this text:`);
  print();
  print(issued.pass);
};

const revokePass: Command = async (client, args, print) => {
  const flags = flagReader(args, ['member']);
  const member = flags.optional('member');
  const [passId, ...extra] = args.positionals;
  if (extra.length > 0 || (passId === undefined) === (member === undefined)) {
    throw new UsageError('usage: admin revoke-pass <passId>   or   admin revoke-pass --member <memberId>');
  }
  const result = await client.request<{ alreadyRevoked: boolean; passes: number; revocation: { validFrom: string } }>('POST', '/passes/revoke', {
    json: passId ? { passId } : { memberId: member },
  });
  if (result.alreadyRevoked) return print(`Pass ${passId} was already revoked.`);
  print(
    passId
      ? `Revoked pass ${passId}.`
      : `Revoked every pass of member ${member} issued before ${result.revocation.validFrom} (${result.passes} in the register). New passes can be issued at once.`,
  );
  print('Desks refuse it after their next sync (seconds when online).');
};

const rotateKeys: Command = async (client, args, print) => {
  flagReader(args, ['retire-old']);
  const retireOld = args.flags.has('retire-old');
  if (retireOld && args.flags.get('retire-old') !== true) throw new UsageError('--retire-old takes no value');
  if (args.positionals.length > 0) throw new UsageError('usage: admin rotate-keys [--retire-old]');
  const { key, retired } = await client.request<{ key: { kid: string; validUntil: string }; retired: string[] }>('POST', '/keys/rotate', { json: { retireOld } });
  print(`New pass-signing key ${key.kid} (verifies until ${key.validUntil}); desks receive it with their next sync.`);
  print(retired.length > 0 ? `Retired now: ${retired.join(', ')} — passes they signed are refused; issue new ones.` : 'Older keys keep verifying the passes they signed until their end.');
};

const listKeys: Command = async (client, args, print) => {
  flagReader(args, []);
  const { keys } = await client.request<{ keys: Array<{ kid: string; validFrom: string; validUntil: string }> }>('GET', '/keys');
  if (keys.length === 0) return print('No pass keys yet; the first is made when a pass is issued (or: admin rotate-keys).');
  for (const k of keys) print(`${k.kid}  from ${k.validFrom}  until ${k.validUntil}`);
};

const demoPasses: Command = async (client, args, print) => {
  const flags = flagReader(args, ['out']);
  const out = resolve(flags.optional('out') ?? 'demo-passes.html');
  const demo = await client.request<{ stationId: string; generatedAt: string; entries: DemoEntry[] }>('POST', '/demo/passes', { json: {} });
  try {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, renderDemoSheet(demo));
  } catch (error) {
    throw new CliError(`Cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, EXIT.failed);
  }
  print(`Wrote ${demo.entries.length} demo members with passes and cards for ${demo.stationId}:`);
  print(out);
  print('Open it in a browser and print it, or show it to the desk webcam.');
};

export const PASS_COMMANDS: Record<string, Command> = {
  'issue-pass': issuePass,
  'revoke-pass': revokePass,
  'rotate-keys': rotateKeys,
  keys: listKeys,
  'demo-passes': demoPasses,
};

export const PASS_HELP = `  admin issue-pass <memberId> [--valid-days 365] [--station <id>]   print a signed member pass (QR text)
  admin revoke-pass <passId> | --member <memberId>    revoke one pass, or every pass a member holds
  admin rotate-keys [--retire-old]                    new signing key; --retire-old ends the old ones now (leak)
  admin keys                                          list the pass keys desks verify with
  admin demo-passes [--out demo-passes.html]          write a printable page of demo passes and cards`;
