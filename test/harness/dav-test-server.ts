// What a started test server hands back, the same shape for Radicale and Xandikos.
export interface DavTestServer {
  name: 'radicale' | 'xandikos' | 'cyrus';
  /** Base URL with a trailing slash, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  port: number;
  pid: number;
  /** Credentials the server accepts. Xandikos has no authentication and ignores them. */
  username: string;
  password: string;
  /** Temp folder with the server's config and data; removed by stop() unless kept. */
  dir: string;
  /** The user's home (principal) URL. */
  homeUrl: string;
  /** A default address book and calendar that exist after start. */
  addressBookUrl: string;
  calendarUrl: string;
  /** What the server printed (stdout and stderr). */
  output: () => string;
  stop: () => Promise<void>;
}

export const TEST_USER = 'lifeboat';
export const TEST_PASSWORD = 'lifeboat-test-password';
