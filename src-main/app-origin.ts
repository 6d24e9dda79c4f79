/**
 * The one origin our own code runs in: `app://desk`. Every allow-list (navigation, IPC senders,
 * permissions, CSP) compares against this, never against a prefix string, so look-alikes such
 * as `app://desk.evil/`, `app://desk@evil/` or `app://desk:81/` do not pass.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True when `url` parses and belongs to app://desk (any path), with no user info or port. */
export const isAppUrl = (url: unknown): boolean => {
  if (typeof url !== 'string' || url.length > 8192) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // Node's URL reports origin 'null' for non-special schemes, so compare the parts instead.
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
};

