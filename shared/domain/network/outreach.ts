/**
 * Announcement and "will you be there?" drafts, one per person, and the reciprocity-aware choice
 * of their closing line. All wording here is this project's own.
 */
import { formatISO, parseISO, subMonths } from '../../date-fns.ts';
import { z } from 'zod';
import type { ExchangeRecord } from '../reciprocity/balance.ts';
import { detailPhrase } from '../starters/detail-phrase.ts';
import { asPhrase } from './phrase.ts';
import { lazyObject } from '../../lazy-schema.ts';

/** How far back "recently" reaches for the wording choice, in calendar months. */
export const RECENT_MONTHS = 6;

export type Opening = 'give-first' | 'ask';

/**
 * Whether a draft may ask something of this person, or should open by offering something.
 *
 * Rule: look at the interactions of the last six calendar months (after the day six months
 * before `today`, up to today). If the user asked for something in at least one of them and in
 * none of them gave anything or had a two-way exchange, the user has only been asking lately:
 * `give-first`. Otherwise (they gave, swapped, only chatted, or there is nothing recent) `ask`.
 */
export function chooseOpening(exchanges: readonly ExchangeRecord[], today: string): Opening {
  const start = formatISO(subMonths(parseISO(today), RECENT_MONTHS), { representation: 'date' });
  const recent = exchanges.filter((e) => e.date > start && e.date <= today);
  const asked = recent.some((e) => e.asked.length > 0);
  const gaveBack = recent.some((e) => e.gave.length > 0 || e.mutual);
  return asked && !gaveBack ? 'give-first' : 'ask';
}

export const EventMention = lazyObject(() => ({
  name: z.string().trim().min(1, 'Name the event').max(200),
  startsOn: z.iso.date({ error: 'Use a date like 2027-03-14' }),
  endsOn: z.iso.date({ error: 'Use a date like 2027-03-14' }).optional(),
  place: z.string().trim().max(200).optional(),
}));
export type EventMention = z.infer<typeof EventMention>;

/** What the user is announcing; the event form of it is what the events screen passes in. */
export const Announcement = z.discriminatedUnion('kind', [
  lazyObject(() => ({
    kind: z.literal('changing-jobs'),
    leaving: z.string().trim().max(200).optional(),
    next: z.string().trim().max(300).optional(),
  })),
  lazyObject(() => ({
    kind: z.literal('new-role'),
    role: z.string().trim().min(1, 'Name the role').max(200),
    organisation: z.string().trim().max(200).optional(),
  })),
  lazyObject(() => ({
    kind: z.literal('moving'),
    city: z.string().trim().min(1, 'Name the city').max(200),
    movingOn: z.iso.date().optional(),
  })),
  lazyObject(() => ({ kind: z.literal('at-event'), event: EventMention })),
]);
export type Announcement = z.infer<typeof Announcement>;
export type AnnouncementKind = Announcement['kind'];

export const ANNOUNCEMENT_LABELS: Record<AnnouncementKind, string> = {
  'changing-jobs': 'I’m changing jobs',
  'new-role': 'New role',
  moving: 'Moving to a new city',
  'at-event': 'I’ll be at an event',
};

/** What a draft knows about its recipient. */
export type Recipient = {
  displayName: string;
  givenName?: string | undefined;
  nickname?: string | undefined;
  location?: string | undefined;
  lookingFor?: string | undefined;
  /** Their oldest open "ask about" note, if any. */
  openDetail?: string | undefined;
};

export type Draft = { subject: string; body: string; opening: Opening };

const firstName = (r: Recipient) => r.nickname || r.givenName || r.displayName.split(/\s+/)[0] || r.displayName;
// Spelled out rather than date-fns/format: that one module pulls in the locale machinery, whose
// loading doubled the core's young heap at start-up (+37 MB resident, bench:timeline cold RSS).
const MONTHS = 'January February March April May June July August September October November December'.split(' ');
const parts = (iso: string) => {
  const [year, month, date] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, date, dayMonth: `${date} ${MONTHS[month - 1]}` };
};
const day = (iso: string) => {
  const { dayMonth, year } = parts(iso);
  return `${dayMonth} ${year}`;
};

/** "14 March 2027", "14–16 March 2027", "30 March – 2 April 2027". */
export function dateRange(startsOn: string, endsOn?: string): string {
  if (!endsOn || endsOn <= startsOn) return day(startsOn);
  const [s, e] = [parts(startsOn), parts(endsOn)];
  if (s.year !== e.year) return `${day(startsOn)} – ${day(endsOn)}`;
  if (s.month !== e.month) return `${s.dayMonth} – ${day(endsOn)}`;
  return `${s.date}–${day(endsOn)}`;
}

function news(a: Announcement): { subject: string; line: string; ask: string } {
  switch (a.kind) {
    case 'changing-jobs':
      return {
        subject: 'Some news: I’m changing jobs',
        line: `A quick note to let you know I’m ${a.leaving ? `leaving ${a.leaving}` : 'changing jobs'}.`,
        ask: a.next
          ? `I’m looking at ${a.next} next. If anyone or anything comes to mind, I’d be glad to hear about it, and no worries if not.`
          : 'I’m working out what comes next. If anything comes to mind, I’d be glad to hear about it, and no worries if not.',
      };
    case 'new-role':
      return {
        subject: `News: I’ve started as ${a.role}`,
        line: `I’ve just started as ${a.role}${a.organisation ? ` at ${a.organisation}` : ''}.`,
        ask: 'If there’s anyone you think I should meet in the new job, I’d welcome an introduction.',
      };
    case 'moving':
      return {
        subject: `I’m moving to ${a.city}`,
        line: `I’m moving to ${a.city}${a.movingOn ? ` on ${day(a.movingOn)}` : ''}.`,
        ask: `If you know people or places in ${a.city} I ought to know, please tell me.`,
      };
    case 'at-event': {
      const { name, startsOn, endsOn, place } = a.event;
      return {
        subject: `Will you be at ${name}?`,
        line: `I’ll be at ${name}${place ? ` in ${place}` : ''}, ${dateRange(startsOn, endsOn)}.`,
        ask: 'Will you be there too? It would be good to catch up in person.',
      };
    }
  }
}

function personalLine(a: Announcement, r: Recipient): string | undefined {
  if (a.kind === 'moving' && r.location && r.location.toLocaleLowerCase().includes(a.city.toLocaleLowerCase()))
    return `You’re there already, so I hope we can meet once I’ve settled in.`;
  const detail = r.openDetail ? detailPhrase(r.openDetail, firstName(r)) : undefined;
  return detail ? `Last time you mentioned ${detail}: how is that going?` : undefined;
}

function giveFirstLine(a: Announcement, r: Recipient): string {
  const offer = r.lookingFor?.trim()
    ? `You mentioned you were looking for ${asPhrase(r.lookingFor)}; if I can help with that, tell me.`
    : 'Is there anything I can do for you at the moment? I’d be glad to help.';
  const invite = a.kind === 'at-event' ? ' If you’ll be there too, the coffee is on me.' : '';
  return `${offer}${invite}`;
}

/** One person's draft for an announcement, with its opening chosen by `chooseOpening`. */
export function draftAnnouncement(a: Announcement, r: Recipient, opening: Opening, signature?: string): Draft {
  const { subject, line, ask } = news(a);
  const paragraphs = [
    `Hi ${firstName(r)},`,
    [line, personalLine(a, r)].filter(Boolean).join(' '),
    opening === 'ask' ? ask : giveFirstLine(a, r),
    signature?.trim() ? `Best wishes,\n${signature.trim()}` : 'Best wishes',
  ];
  return { subject, body: paragraphs.join('\n\n'), opening };
}

/** A mailto: link for one draft; undefined without an address. */
export function mailtoLink(email: string | undefined, draft: Pick<Draft, 'subject' | 'body'>): string | undefined {
  if (!email) return undefined;
  return `mailto:${encodeURIComponent(email)}?subject=${encodeURIComponent(draft.subject)}&body=${encodeURIComponent(draft.body)}`;
}

/**
 * A message that asks for nothing, for reconnecting with someone before any ask (the job-hunt
 * guard offers it). It picks up what the user knows: an open detail, else what they are looking for.
 */
export function reconnectDraft(r: Recipient, signature?: string): Pick<Draft, 'subject' | 'body'> {
  const detail = r.openDetail ? detailPhrase(r.openDetail, firstName(r)) : undefined;
  const interest = detail
    ? `I was thinking of you. Last time you mentioned ${detail}: how is that going?`
    : r.lookingFor?.trim()
      ? `I was thinking of you. Are you still looking for ${asPhrase(r.lookingFor)}? If I can help, tell me.`
      : 'It’s been a while, and I’d love to hear what you’re up to these days.';
  return {
    subject: 'It’s been a while',
    body: [
      `Hi ${firstName(r)},`,
      interest,
      'No agenda: just catching up. Would a short call or a coffee in the next few weeks suit you?',
      signature?.trim() ? `Best wishes,\n${signature.trim()}` : 'Best wishes',
    ].join('\n\n'),
  };
}

/** A plain, short ask the user finishes in their own words (the text in brackets). */
export function askDraft(r: Recipient, signature?: string): Pick<Draft, 'subject' | 'body'> {
  return {
    subject: 'A quick question',
    body: [
      `Hi ${firstName(r)},`,
      'I hope you’re well. I wanted to ask whether you could help with [what you need, in a sentence].',
      'Only if you have the time; a no is completely fine.',
      signature?.trim() ? `Best wishes,\n${signature.trim()}` : 'Best wishes',
    ].join('\n\n'),
  };
}
