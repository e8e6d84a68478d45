export function BusyScreen({ testId, heading }: { testId: string; heading: string }) {
  return (
    <main className="screen busy" data-testid={testId} aria-busy="true">
      <div className="spinner" aria-hidden="true" />
      <h1>{heading}</h1>
    </main>
  );
}
