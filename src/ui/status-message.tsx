// The line under a form or a row of buttons that says how the last action went. Errors are
// announced at once (role=alert); other news politely (role=status).
export type Message = { text: string; error: boolean } | null;

export function StatusMessage({ message }: { message: Message }) {
  return (
    <p class={message?.error ? 'message message-error' : 'message'} role={message?.error ? 'alert' : 'status'}>
      {message?.text ?? ''}
    </p>
  );
}
