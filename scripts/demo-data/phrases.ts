// Templates for interaction titles, notes and remembered details, plus the pools their
// placeholders draw from. Person placeholders ({first}, {names}, {they}, {They}, {them}, {their})
// come from the people in the interaction; everything else is picked from POOLS.
import type { InteractionType } from '../../shared/domain/interaction.ts';
import { ALL_GIVEN_NAMES } from './names.ts';
import { CITIES, EVENTS, ORG_KINDS, ORG_SPECIALS, ORG_STEMS } from './words.ts';

export const POOLS: Readonly<Record<string, readonly string[]>> = {
  city: CITIES.map((c) => c.name),
  event: EVENTS,
  friend: ALL_GIVEN_NAMES,
  org: [...ORG_SPECIALS, ...ORG_STEMS.slice(0, 16).map((stem, i) => `${stem} ${ORG_KINDS[i % ORG_KINDS.length] ?? 'Studio'}`)],
  topic: [
    'design systems', 'remote team rituals', 'pricing experiments', 'hiring junior engineers', 'burnout and boundaries',
    'moving from agency to in-house', 'writing a first conference talk', 'open-source funding', 'career ladders',
    'four-day weeks', 'accessibility in forms', 'onboarding new managers', 'user research on a shoestring', 'AI in customer support',
    'public sector procurement', 'bird migration maps', 'community gardening', 'running a meet-up', 'salary transparency',
    'sabbaticals', 'learning to delegate', 'going freelance', 'product analytics', 'climate reporting', 'mentoring at work',
    'the housing market', 'returning to work after parental leave', 'giving feedback', 'small-batch coffee roasting', 'board games for teams',
  ],
  place: [
    'the Lantern Café', 'Harbour Coffee', 'the Little Kiln', 'Mabel’s Bakery', 'the canal-side café', 'Copper Pot',
    'the Reading Room', 'Juniper & Rye', 'the station café', 'Oak and Ember', 'the market hall', 'Nettle Kitchen',
    'the museum café', 'Second Cup Social', 'the Green Room',
  ],
  course: ['Product Leadership', 'Data for Journalists', 'Service Design', 'Evening Spanish', 'First-time Managers', 'Python for Analysts', 'Facilitation Skills'],
  programme: ['Tech Returners', 'Rising Leaders', 'Open Doors Mentoring', 'Code First', 'Founders Foundry', 'Civic Fellows'],
  charity: ['Open Hands Food Bank', 'Riverside Youth Club', 'Warm Coats', 'Books for Wards', 'Northbank Refugee Welcome'],
  project: ['Atlas', 'Bluebell', 'Harbour', 'Kingfisher', 'Meridian', 'Orchard', 'Pathfinder', 'Quill', 'Tern'],
  field: ['product design', 'data engineering', 'climate tech', 'health tech', 'policy', 'developer relations', 'education', 'fintech'],
  month: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  pet: ['Biscuit', 'Pepper', 'Mango', 'Noodle', 'Pickle', 'Olive', 'Bramble', 'Miso', 'Toffee', 'Waffles', 'Pip', 'Nutmeg', 'Clementine', 'Fig'],
  petKind: ['puppy', 'rescue dog', 'kitten', 'rescue cat', 'greyhound', 'spaniel'],
  book: ['The Quiet Harbour', 'Notes on Small Teams', 'A Year of Slow Bread', 'The Lighthouse Ledger', 'Maps for Lost Birds', 'Working Out Loud Together'],
  language: ['Spanish', 'Japanese', 'Portuguese', 'Italian', 'Welsh', 'Korean', 'German', 'Arabic'],
  hobby: ['pottery', 'bouldering', 'sea swimming', 'the cello', 'woodworking', 'life drawing', 'salsa', 'sourdough', 'birdwatching'],
  race: ['half marathon', '10k', 'marathon', 'triathlon', 'charity bike ride', 'fell race'],
  kid: ['daughter', 'son', 'eldest', 'youngest'],
  relative: ['mum', 'dad', 'grandmother', 'grandfather', 'partner', 'brother', 'sister'],
};

export const TITLES: Readonly<Record<InteractionType, readonly string[]>> = {
  coffee: ['Coffee at {place}', 'Lunch at {place}', 'Breakfast catch-up', 'Coffee catch-up', 'Walk and coffee', 'Dinner at {place}'],
  call: ['Catch-up call', 'Quick call about {topic}', 'Call about the {project} project', 'Reference call', 'Phone catch-up'],
  'video-call': ['Video catch-up', 'Mentoring session', 'Intro call', 'Call about {topic}', 'Monthly 1:1', 'Portfolio review'],
  email: ['Email about {topic}', 'Intro email', 'Thank-you note', 'Follow-up email', 'Sent the article on {topic}'],
  message: ['Quick message', 'Birthday message', 'Congratulations message', 'Checked in', 'Shared a link about {topic}'],
  social: ['Commented on their post', 'Congratulated them on LinkedIn', 'Shared their article', 'Replied to their thread on {topic}'],
  conference: ['{event}', '{event} {year}', 'Talk at {event}', 'Hallway track at {event}'],
  'meet-up': ['{event}', '{event} drinks', 'Meet-up in {city}', '{event} workshop'],
  course: ['{course} course', '{course}: week {n}', 'Study group for {course}'],
  other: ['Bumped into each other', 'Helped with a house move', 'Book club', 'Charity run', 'Wedding'],
};

/** A first sentence for the note, by type. */
export const OPENERS: Readonly<Record<InteractionType, readonly string[]>> = {
  coffee: ['Coffee with {names} at {place}.', 'Long lunch with {names}.', 'Grabbed a coffee with {names} near the office.', 'Walked along the canal with {names}, coffee in hand.'],
  call: ['Good call with {names}.', '{first} rang to catch up.', 'Quick call with {names} between meetings.', 'Phoned {first} on the way home.'],
  'video-call': ['Video call with {names}.', 'Caught up with {names} over video.', '{first} and I did our monthly video catch-up.', 'Short video call with {names}.'],
  email: ['Emailed {first}.', '{first} sent a long email.', 'Replied to {first}’s email.', 'Sent {first} a note.'],
  message: ['Messaged {first}.', '{first} sent a voice note.', 'Swapped messages with {names}.', 'Quick back-and-forth with {first}.'],
  social: ['Saw {first}’s post.', 'Commented on {first}’s update.', '{first} shared something worth reading.'],
  conference: ['Ran into {names} at {event}.', 'Spent the coffee breaks at {event} with {names}.', 'Saw {first} speak at {event}.'],
  'meet-up': ['Caught up with {names} at {event}.', 'Saw {names} at the {event} meet-up in {city}.', 'Chatted with {names} after the talks at {event}.'],
  course: ['Paired with {names} on the {course} course.', 'Study session with {names}.', 'Week {n} of {course} with {names}.'],
  other: ['Bumped into {names} in town.', 'Helped {first} move flat.', 'Saw {names} at a friend’s party.'],
};

/** The body of a note: what was talked about. Person placeholders refer to the first person. */
export const BODIES: readonly string[] = [
  'Talked about {their} move to {city} and the new team {they} is hiring for.',
  '{They} is thinking about going freelance next year and wanted a sounding board.',
  'Mostly talked about {topic}; {they} has strong and well-argued opinions.',
  'Compared notes on {topic}. {They} recommended {book}.',
  '{They} just started at {org} and is still finding {their} feet.',
  'Swapped stories about {topic} and agreed to meet again soon.',
  'Heard all about {their} trip to {city}.',
  '{They} is mentoring two juniors now and loving it.',
  'Talked through an offer {they} received; {they} is leaning towards accepting.',
  'Caught up on family news and the {pet} saga.',
  'We talked about {topic} and the reorg at {org}.',
  '{They} is organising {event} this year and needs volunteers.',
  'Shared what we are each reading; {they} is halfway through {book}.',
  'Gave some feedback on {their} conference talk about {topic}.',
  '{They} asked how I handle {topic}; shared what has worked for me.',
  'Reminisced about the {project} project and what we would do differently.',
  '{They} is learning {language} and practising on everyone.',
  'Mostly small talk, but {they} mentioned looking at roles in {field}.',
  'Celebrated {their} promotion.',
  'Talked about taking up {hobby}; {they} has got really into it.',
  '{They} is back from parental leave and easing in.',
  'Brainstormed names for {their} side project on {topic}.',
  'Talked about whether to move to {city}; the rents are putting {them} off.',
  'Walked through {their} portfolio together.',
  '{They} had useful advice on {topic}.',
];

export const GROUP_BODIES: readonly string[] = [
  'Good mix of people; the conversation kept coming back to {topic}.',
  'Planned the next meet-up in {city}.',
  'Everyone had a story about {topic}.',
  'Agreed to start a small group chat to share job leads.',
  'Lively debate about {topic}; nobody changed their mind.',
  'Talked about the {project} project and who could help.',
];

export const CLOSERS: readonly string[] = [
  'Promised to send {them} the article on {topic}.',
  'Need to intro {them} to someone who knows {topic}.',
  'Follow up in {month} about {topic}.',
  'Said I would read {their} draft by the end of the week.',
  'We should do this more often.',
  '{They} offered to look over my slides.',
  'Next time: {place}, my treat.',
  'Remember to ask how the {race} went.',
];

export interface DetailTemplate {
  readonly text: string;
  /** Days until a natural follow-up, when there is one. */
  readonly followUp?: readonly [number, number];
}

export const DETAILS_NORMAL: readonly DetailTemplate[] = [
  { text: 'New {petKind} called {pet}' },
  { text: 'Training for a {race} in {month}', followUp: [30, 120] },
  { text: '{Kid} starting university in {city}', followUp: [30, 90] },
  { text: 'Learning {language} before a trip to {city}', followUp: [30, 120] },
  { text: 'Renovating the kitchen; it is taking forever' },
  { text: 'Getting married in {month}', followUp: [30, 180] },
  { text: 'Moving to {city} in {month}', followUp: [30, 120] },
  { text: 'Started {hobby} classes' },
  { text: 'Reading {book} and loving it' },
  { text: 'Planning a sabbatical to walk the Camino', followUp: [60, 180] },
  { text: 'Just back from two weeks in {city}' },
  { text: 'Launching a podcast about {topic}', followUp: [21, 90] },
  { text: 'Runs a book club on the first Tuesday of the month' },
  { text: '{Kid} has a piano recital in {month}', followUp: [14, 60] },
  { text: 'Expecting a baby in {month}', followUp: [60, 180] },
  { text: 'Just bought a first flat' },
  { text: 'Giving a talk at {event} about {topic}', followUp: [14, 90] },
  { text: 'Grandmother turns 90 in {month}', followUp: [14, 120] },
  { text: 'Allotment is finally producing tomatoes' },
  { text: 'Learning to surf on weekends' },
  { text: 'Writing a book on {topic}', followUp: [60, 180] },
  { text: 'Building a cabin with {their} brother' },
  { text: 'Fostering a {petKind} called {pet}' },
  { text: 'Applying for a master’s in {field}', followUp: [30, 120] },
];

export const DETAILS_PRIVATE: readonly DetailTemplate[] = [
  { text: 'Quietly looking for a new job in {field}', followUp: [14, 60] },
  { text: 'Negotiating a pay rise in {month}', followUp: [14, 60] },
  { text: 'Thinking about leaving {org}' },
  { text: 'Applying for a mortgage', followUp: [30, 90] },
  { text: 'Considering going part-time' },
  { text: 'Partner is job hunting in {city}' },
  { text: 'Interviewing with {org}', followUp: [7, 30] },
  { text: 'Had a tough performance review' },
];

export const DETAILS_SENSITIVE: readonly DetailTemplate[] = [
  { text: '{Relative} in hospital after a fall', followUp: [7, 21] },
  { text: 'Going through a divorce' },
  { text: 'Recovering from surgery', followUp: [14, 45] },
  { text: 'Caring for a parent with dementia' },
  { text: 'Recently bereaved; {relative} passed away' },
  { text: 'Was made redundant and finding it hard', followUp: [14, 45] },
  { text: 'Managing a long illness; keep plans flexible' },
];
