// Turns any thrown value into one sentence for a person. Typed errors from the sources
// already carry such a sentence; anything else is shown by its message.
export function describeError(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return String(error);
}
