/** The time source, passed in so that day boundaries and budgets can be tested. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
