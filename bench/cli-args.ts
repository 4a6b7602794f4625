// The benchmark scripts' command-line options: `--name value` pairs after the positional ones.

/** The value after `name` on the command line, if it is there. */
export function argValue(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}

/** The first whole number on the command line that is not the value of a `--name` option, else `fallback`. */
export function countArg(fallback: number): number {
  const args = process.argv.slice(2);
  const found = args.find((arg, i) => /^\d+$/.test(arg) && !args[i - 1]?.startsWith('--'));
  return found === undefined ? fallback : Number(found);
}
