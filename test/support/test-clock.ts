import type { Clock } from '../../src/http/context.ts';

/** A clock tests can set and move. */
export class TestClock implements Clock {
  #now: Date;
  constructor(start: Date | string = '2026-11-24T12:00:00-03:00') {
    this.#now = new Date(start);
  }
  now(): Date {
    return new Date(this.#now);
  }
  set(at: Date | string): void {
    this.#now = new Date(at);
  }
  advance(ms: number): void {
    this.#now = new Date(this.#now.getTime() + ms);
  }
}
