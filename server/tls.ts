/**
 * HTTPS for a station's LAN (docs/security.md, "HTTPS on a LAN"): tablets reach the server at a
 * LAN address, and only over https: does the browser give the web desk its offline shell and Web
 * Crypto. `TLS_CERT_FILE` and `TLS_KEY_FILE` name PEM files (a certificate the tablets trust:
 * the union's own CA, or a public one for a DNS name); neither set serves plain http.
 */
import { readFileSync } from 'node:fs';

export interface TlsFiles {
  cert: Buffer;
  key: Buffer;
}

const read = (what: string, path: string): Buffer => {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new Error(`${what} ${path} cannot be read: ${(error as Error).message}`);
  }
};

/** The certificate and key named by the environment, or null for plain http. Throws a clear error for half a pair or an unreadable file. */
export const loadTls = (env: NodeJS.ProcessEnv = process.env): TlsFiles | null => {
  const certFile = env.TLS_CERT_FILE ?? '';
  const keyFile = env.TLS_KEY_FILE ?? '';
  if (!certFile && !keyFile) return null;
  if (!certFile || !keyFile) throw new Error('HTTPS needs both TLS_CERT_FILE and TLS_KEY_FILE (PEM files); set both or neither');
  const cert = read('TLS_CERT_FILE', certFile);
  const key = read('TLS_KEY_FILE', keyFile);
  if (!cert.includes('-----BEGIN CERTIFICATE-----')) throw new Error(`TLS_CERT_FILE ${certFile} is not a PEM certificate`);
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key.toString('latin1'))) throw new Error(`TLS_KEY_FILE ${keyFile} is not a PEM private key`);
  return { cert, key };
};
