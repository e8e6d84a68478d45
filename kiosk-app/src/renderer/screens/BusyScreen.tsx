export function BusyScreen({
  testId,
  heading,
  detail,
}: {
  testId: string;
  heading: string;
  detail?: string;
}) {
  return (
    <main className="screen busy" data-testid={testId} aria-busy="true">
      <div className="spinner" aria-hidden="true" />
      <h1>{heading}</h1>
      {detail && <p data-testid={`${testId}-detail`}>{detail}</p>}
    </main>
  );
}
