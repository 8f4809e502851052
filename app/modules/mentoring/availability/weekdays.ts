// The days of a week (ISO: 1 is Monday), without zod: the availability form lists them (decision 008).
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
