// Xandikos (Debian package 0.2.8) on a free loopback port with a temp folder. `--defaults`
// creates the principal /user/ with an address book (/user/contacts/addressbook/) and a
// calendar (/user/calendars/calendar/). Xandikos has no authentication at all: it accepts any
// credentials, so AuthError can only be tested against Radicale.
import { TEST_PASSWORD, TEST_USER, type DavTestServer } from './dav-test-server';
import { LOOPBACK } from './free-port';
import { startServerProcess } from './server-process';
import { makeTempDir } from './temp-dir';

export interface XandikosOptions {
  keepDir?: boolean;
}

export async function startXandikos(options: XandikosOptions = {}): Promise<DavTestServer> {
  const temp = await makeTempDir('lifeboat-xandikos-', options.keepDir);
  const dir = temp.path;
  try {
    const server = await startServerProcess({
      name: 'Xandikos',
      // Debian's python3 by full path: another python3 on PATH may not have xandikos.
      command: '/usr/bin/python3',
      args: (port) => ['-m', 'xandikos.web', '-d', dir, '-l', LOOPBACK, '-p', String(port), '--defaults'],
      cwd: dir,
    });
    const url = `http://${LOOPBACK}:${server.port}/`;
    return {
      name: 'xandikos',
      url,
      port: server.port,
      pid: server.pid,
      username: TEST_USER,
      password: TEST_PASSWORD,
      dir,
      homeUrl: `${url}user/`,
      addressBookUrl: `${url}user/contacts/addressbook/`,
      calendarUrl: `${url}user/calendars/calendar/`,
      output: server.output,
      async stop() {
        await server.stop();
        await temp.remove();
      },
    };
  } catch (error) {
    await temp.remove();
    throw error;
  }
}
