import type { Clock } from './context.ts';

/**
 * Counts failed credential checks per key (endpoint + client IP) in a sliding window, so a
 * password or contra-senha cannot be brute-forced through the webservices. Per process: several
 * instances each allow `maxFailures`, which still bounds guessing to a handful per window.
 */
export class FailureThrottle {
  readonly #failures = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    readonly maxFailures = 10,
    readonly windowMs = 15 * 60_000,
  ) {}

  isBlocked(key: string): boolean {
    return this.#recent(key).length >= this.maxFailures;
  }

  recordFailure(key: string): void {
    const recent = this.#recent(key);
    recent.push(this.clock.now().getTime());
    this.#failures.set(key, recent);
    if (this.#failures.size > 100_000) this.#prune();
  }

  #recent(key: string): number[] {
    const since = this.clock.now().getTime() - this.windowMs;
    return (this.#failures.get(key) ?? []).filter((t) => t > since);
  }

  #prune(): void {
    for (const key of [...this.#failures.keys()]) {
      if (this.#recent(key).length === 0) this.#failures.delete(key);
    }
  }
}
