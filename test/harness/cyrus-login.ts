// One IMAP LOGIN (RFC 3501 §6.2.3) over a plain socket. Cyrus creates a user's mailbox at the
// first login (autocreate), and with it the DAV home where the default address book and
// calendar appear on the first CardDAV/CalDAV request.
import { connect } from 'node:net';
import { LOOPBACK } from './free-port';

/** IMAP quoted string (RFC 3501 §4.3): backslash and double quote escaped. */
const quoted = (text: string): string => `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

export function imapLogin(params: { port: number; username: string; password: string; timeoutMs?: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: LOOPBACK, port: params.port });
    let received = '';
    let sent = false;
    const fail = (why: string): void => {
      socket.destroy();
      reject(new Error(`Cyrus IMAP login failed: ${why}\n${received}`));
    };
    socket.setTimeout(params.timeoutMs ?? 10_000, () => fail('timed out'));
    socket.on('error', (error) => fail(error.message));
    socket.on('data', (chunk) => {
      received += chunk.toString('utf8');
      if (!sent && /^\* OK/m.test(received)) {
        sent = true;
        socket.write(`a1 LOGIN ${quoted(params.username)} ${quoted(params.password)}\r\n`);
        return;
      }
      const answer = /^a1 (OK|NO|BAD)[^\r\n]*/m.exec(received);
      if (answer === null) return;
      if (answer[1] !== 'OK') return fail(answer[0]);
      socket.end('a2 LOGOUT\r\n');
      resolve();
    });
  });
}
