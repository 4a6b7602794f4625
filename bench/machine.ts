// The machine and the versions a set of figures was measured with.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { CHROMIUM } from '../test/browser/extension-browser';
import { VDIRSYNCER } from './vdirsyncer-run';

export interface Machine {
  cpu: string;
  cores: number;
  ramGb: number;
  os: string;
  node: string;
  chromium: string;
  radicale: string;
  cyrus: string;
  vdirsyncer: string;
  /** The 15-minute load average when the run ended: above the core count, other work shared the machine. */
  load15: number;
}

function output(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

function debianVersion(): string {
  try {
    return `Debian ${readFileSync('/etc/debian_version', 'utf8').trim()}`;
  } catch {
    return process.platform;
  }
}

export function describeMachine(): Machine {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    ramGb: Math.round(totalmem() / 2 ** 30),
    os: debianVersion(),
    node: process.version,
    // Debian's wrapper script may print shell noise before the version line.
    chromium: /Chromium [\d.]+/.exec(output(CHROMIUM, ['--version']))?.[0] ?? 'unknown',
    radicale: `Radicale ${output('/usr/bin/python3', ['-c', 'import radicale; print(radicale.VERSION)'])}`,
    cyrus: `Cyrus IMAP ${output('/usr/bin/dpkg-query', ['-W', '-f', '${Version}', 'cyrus-imapd'])}`,
    vdirsyncer: output(VDIRSYNCER, ['--version']).replace(/^vdirsyncer, version /, 'vdirsyncer '),
    load15: Math.round((loadavg()[2] ?? 0) * 10) / 10,
  };
}
