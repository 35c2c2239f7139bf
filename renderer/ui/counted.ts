/** "1 person", "3 people": a number with the noun that agrees with it. */
export const counted = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "1 person", "212 people". */
export const peopleCount = (n: number): string => counted(n, 'person', 'people');
