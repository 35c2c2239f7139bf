import { readlinkSync } from 'node:fs';
import { setLocalZone } from '../../../shared/domain/reminders/zoned.ts';

/** An IANA name as the OS gives it (`Europe/London`, `America/Argentina/Buenos_Aires`, `UTC`). */
const IANA = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/**
 * The machine's zone by name where the OS says it plainly, as the runtime's own local time reads
 * it: the `TZ` variable, else the `/etc/localtime` link (Linux, macOS). Undefined elsewhere
 * (Windows, an unusual `TZ`), where only ICU can tell.
 */
function plainZone(): string | undefined {
  const tz = process.env.TZ;
  if (tz !== undefined) return IANA.test(tz) ? tz : undefined;
  try {
    const name = /\/zoneinfo\/(.+)$/.exec(readlinkSync('/etc/localtime'))?.[1];
    // posix/ and right/ are the same zones filed again (right/ counts leap seconds, which Date does not).
    return name && IANA.test(name) && !/^(posix|right)\//.test(name) ? name : undefined;
  } catch {
    return undefined;
  }
}

/** As the process started: what `Date`'s local time is, until `TZ` changes (Node follows it). */
const atStart = { name: plainZone(), tz: process.env.TZ };
if (atStart.name) setLocalZone({ name: atStart.name, holds: () => process.env.TZ === atStart.tz });

/**
 * The machine's IANA zone, read each time so a change is noticed on the next run. A zone that is
 * not the one the process started in (the computer moved to another zone) is read through ICU,
 * as every zone was before.
 */
export const systemTimeZone = (): string => plainZone() ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
