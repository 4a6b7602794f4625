// The benchmark scripts' command-line options: `--name value` pairs after the positional ones.

/** The value after `name` on the command line, if it is there. */
export function argValue(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}
