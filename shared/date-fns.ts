/**
 * The date-fns functions main and shared use, imported in this one place. Node resolves each
 * `date-fns/<name>` import, in each importing file, by parsing date-fns's 199 KB package.json
 * `exports` again: about 1 MB of garbage per import statement at start-up. Spread over ten files,
 * thirty such imports were a fifth of everything a cold core allocated while loading, and that
 * garbage is what grows V8's young generation (docs/storage.md); here, nine remain, one per
 * function. (The renderer is bundled, so `renderer/ui/dates.ts` imports date-fns itself.)
 */
export { addDays } from 'date-fns/addDays';
export { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
export { differenceInCalendarMonths } from 'date-fns/differenceInCalendarMonths';
export { differenceInMonths } from 'date-fns/differenceInMonths';
export { formatISO } from 'date-fns/formatISO';
export { isValid } from 'date-fns/isValid';
export { parseISO } from 'date-fns/parseISO';
export { startOfISOWeek } from 'date-fns/startOfISOWeek';
export { subMonths } from 'date-fns/subMonths';
