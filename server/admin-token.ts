/**
 * Where the admin token comes from: ADMIN_TOKEN, else `<dataDir>/admin-token` (created on first
 * start: 32 random bytes, base64url, file mode 0600). The admin CLI on the same machine reads the
 * same file.
 *
 * Threat: anyone who can read the token administers every station. Closed by a random token that
 * is never printed or logged (only its location is), a file readable by its owner only, and a
 * warning when an existing file is readable by others.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ADMIN_TOKEN_FILE = 'admin-token';

export interface AdminTokenSource {
  token: string;
  /** 'the ADMIN_TOKEN environment variable' or the file's absolute path */
  where: string;
}

export const adminTokenPath = (dataDir: string): string => resolve(join(dataDir, ADMIN_TOKEN_FILE));

export const readAdminTokenFile = (dataDir: string): string | null => {
  try {
    const token = readFileSync(adminTokenPath(dataDir), 'utf8').trim();
    return token || null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
};

/** The configured token, or the file's (created if missing). */
export const resolveAdminToken = (configured: string, dataDir: string): AdminTokenSource => {
  if (configured) return { token: configured, where: 'the ADMIN_TOKEN environment variable' };
  const path = adminTokenPath(dataDir);
  mkdirSync(dataDir, { recursive: true });
  let token = readAdminTokenFile(dataDir);
  if (!token) {
    try {
      writeFileSync(path, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error; // another process won the race
    }
    token = readAdminTokenFile(dataDir);
    if (!token) throw new Error(`could not create the admin token file ${path}`);
  }
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
    console.warn(`Warning: ${path} was readable by other users; restricting it to its owner (chmod 600).`);
    chmodSync(path, 0o600);
  }
  return { token, where: path };
};
