import type { TransportEvent } from './card-transport';

/** Fan-out of transport events; a throwing listener does not stop the others. */
export class EventHub {
  private readonly listeners = new Set<(event: TransportEvent) => void>();

  on(listener: (event: TransportEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: TransportEvent): void {
    for (const l of [...this.listeners]) {
      try {
        l(event);
      } catch {
        // a listener's bug must not break the reader's event loop
      }
    }
  }
}
