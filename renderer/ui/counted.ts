/** A count as the user's locale writes it: "50,000" (docs/ui.md, "Counts"). */
export const formatCount = (n: number): string => n.toLocaleString();

/** "1 person", "3 people", "9,688 people": a number with the noun that agrees with it. */
export const counted = (n: number, one: string, many: string): string => `${formatCount(n)} ${n === 1 ? one : many}`;

/** "1 person", "212 people". */
export const peopleCount = (n: number): string => counted(n, 'person', 'people');
