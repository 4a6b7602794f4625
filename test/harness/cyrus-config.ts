// The two files Cyrus IMAP reads (Debian cyrus-imapd 3.6): imapd.conf for the server, cyrus.conf
// for the services master starts. Everything lives in one temp folder, so a test server never
// touches /var/lib/cyrus or /var/spool/cyrus. Option names: imapd.conf(5) and cyrus.conf(5).
import { join } from 'node:path';
import { LOOPBACK } from './free-port';

/** Also the SASL realm: Cyrus looks a user up as user@servername in the sasldb. */
export const CYRUS_SERVERNAME = 'lifeboat-test';

/** Sub-folders imapd.conf names; Cyrus creates what lies below them, not these. */
export const CYRUS_FOLDERS = ['conf', 'conf/db', 'conf/socket', 'conf/log', 'conf/proc', 'conf/lock', 'spool', 'sieve'];

export function imapdConf(dir: string): string {
  return [
    `configdirectory: ${join(dir, 'conf')}`,
    `partition-default: ${join(dir, 'spool')}`,
    'defaultpartition: default',
    `sievedir: ${join(dir, 'sieve')}`,
    `proc_path: ${join(dir, 'conf', 'proc')}`,
    `mboxname_lockpath: ${join(dir, 'conf', 'lock')}`,
    `lmtpsocket: ${join(dir, 'conf', 'socket', 'lmtp')}`,
    `idlesocket: ${join(dir, 'conf', 'socket', 'idle')}`,
    `notifysocket: ${join(dir, 'conf', 'socket', 'notify')}`,
    `servername: ${CYRUS_SERVERNAME}`,
    // CalDAV and CardDAV on the http service; no compression, so answers are plain bytes.
    'httpmodules: caldav carddav',
    'httpallowcompress: no',
    // Basic auth over plain HTTP on loopback, checked against the temp sasldb.
    'allowplaintext: yes',
    'sasl_pwcheck_method: auxprop',
    'sasl_auxprop_plugin: sasldb',
    `sasl_sasldb_path: ${join(dir, 'sasldb2')}`,
    'sasl_mech_list: PLAIN LOGIN',
    // >= 0 turns on creating a user's INBOX at first login (no quota).
    'autocreate_quota: 0',
    'caldav_allowscheduling: off',
    'syslog_prefix: lifeboat-cyrus',
    '',
  ].join('\n');
}

export interface CyrusPorts {
  imap: number;
  http: number;
}

/**
 * master passes no -C to the programs it starts (master(8)), so each command names the config
 * itself; without it they read /etc/imapd.conf and look users up in /etc/sasldb2.
 */
export function cyrusConf(dir: string, ports: CyrusPorts): string {
  const conf = join(dir, 'imapd.conf');
  return [
    'START {',
    `  recover cmd="ctl_cyrusdb -C ${conf} -r"`,
    '}',
    'SERVICES {',
    `  imap cmd="imapd -C ${conf}" listen="${LOOPBACK}:${ports.imap}" prefork=0`,
    `  http cmd="httpd -C ${conf}" listen="${LOOPBACK}:${ports.http}" prefork=0`,
    '}',
    'EVENTS {',
    '}',
    '',
  ].join('\n');
}
