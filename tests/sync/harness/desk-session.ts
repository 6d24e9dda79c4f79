/**
 * Worker side of a simulated desk: the real desk code, opened the way the app opens it — the local
 * database (RxDB, memory storage), the main process's device service for enrollment and token
 * refresh (its OS keychain is the only stand-in: a fake encryptor) and the replication of every
 * collection. Used by the sync tests' desk-worker.ts and by bench/harness/rx-desk-worker.ts.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SecretStore } from '../../../src-main/credentials';
import { createDeviceService, parseDeviceCredential } from '../../../src-main/device';
import { fakeEncryptor } from '../../../src-main/testing/fake-encryptor';
import { createDatabase, type DeskDatabase } from '../../../src-renderer/data/database';
import { startReplication, type StartReplicationOptions, type SyncHandle } from '../../../src-renderer/data/replication';
import { memoryStorage } from '../../../src-renderer/data/storage';
import type { DeviceStatus } from '../../../shared/ipc/channels';

export interface DeskSession {
  db: DeskDatabase;
  deviceId: string;
  status: DeviceStatus;
  /** Starts the replication with the desk's own credentials; `options` as the app would pass. */
  replicate(options: Omit<StartReplicationOptions, 'serverUrl' | 'getAccessToken'>): SyncHandle;
}

/** Opens a fresh desk database and enrolls the desk at `serverUrl` with `code`. */
export const openDeskSession = async (args: { name: string; serverUrl: string; code: string; deskName: string }): Promise<DeskSession> => {
  const db = await createDatabase({ storage: memoryStorage(), name: `${args.name}-${Date.now()}`, devChecks: false, multiInstance: false });
  const dir = mkdtempSync(join(tmpdir(), 'desk-cred-'));
  const device = createDeviceService({ store: new SecretStore(join(dir, 'cred.bin'), fakeEncryptor(), parseDeviceCredential, 'device credential') });
  const status = await device.enroll({ serverUrl: args.serverUrl, code: args.code, deskName: args.deskName });
  return {
    db,
    deviceId: status.deviceId,
    status,
    replicate: (options) =>
      startReplication(db, { ...options, serverUrl: args.serverUrl, getAccessToken: (tokenOptions) => device.getAccessToken(tokenOptions) }),
  };
};
