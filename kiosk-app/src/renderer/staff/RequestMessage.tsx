/** The outcome of the last staff/technician request, announced to screen readers. */
export function RequestMessage({
  message,
  testId,
}: {
  message: { text: string; error: boolean } | undefined;
  testId: string;
}) {
  if (!message) return null;
  return (
    <p
      className={message.error ? 'error-text' : 'notice'}
      role={message.error ? 'alert' : 'status'}
      data-testid={testId}
    >
      {message.text}
    </p>
  );
}
