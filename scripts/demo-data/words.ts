// Invented organisations, roles, places and profile lines for demo contacts. `{key}` marks a
// placeholder filled by template.ts from the pools in phrases.ts or from the person.

/** First half of an organisation name. Combined with ORG_KINDS for well over a thousand names. */
export const ORG_STEMS: readonly string[] = [
  'Northwind', 'Harbour Lane', 'Juniper', 'Copperleaf', 'Bluestone', 'Riverside', 'Lantern', 'Meadowbrook',
  'Ironbridge', 'Saltmarsh', 'Foxglove', 'Kestrel', 'Silverbirch', 'Tidewater', 'Brightwater', 'Granite Hill',
  'Oakfield', 'Larkspur', 'Redwing', 'Cloudberry', 'Hollowell', 'Marigold', 'Stonegate', 'Willowmere',
  'Quayside', 'Emberline', 'Beaconfield', 'Thistledown', 'Pinecrest', 'Saffron Row', 'Hearthstone', 'Ravensworth',
  'Fernhill', 'Amberly', 'Skylark', 'Greenhaven', 'Moorland', 'Mapleton', 'Driftwood', 'Cinderford',
  'Wrenfield', 'Bramblewood', 'Seabright', 'Halcyon Yard', 'Kingfisher', 'Eastmoor', 'Little Otter', 'Paperkite',
];

export const ORG_KINDS: readonly string[] = [
  'Cooperative', 'Studio', 'Labs', 'Partners', 'Collective', 'Works', 'Analytics', 'Health',
  'Foundation', 'Trust', 'Ventures', 'Consulting', 'Design', 'Systems', 'Robotics', 'Logistics',
  'Press', 'Building Society', 'Insurance', 'Learning', 'Energy', 'Architects', 'Media', 'Software',
  'Bakery', 'Clinic', 'Institute', 'Agency', 'Group', 'Networks', 'Foods', 'Biotech',
  'Capital', 'Games', 'Transit', 'Outfitters',
];

/** Whole invented names that do not fit the stem + kind pattern. */
export const ORG_SPECIALS: readonly string[] = [
  'University of Eastmoor', 'Eastmoor City Council', "St Brigid's Hospital", 'Northbank College',
  'Fernhill Primary School', 'The Quiet Ledger', 'Open Hands Food Bank', 'Weaver & Finch',
  'Bell, Moss & Partners', 'Tiny Lighthouse Games', 'Rook and Raven Books', 'The Long Table Kitchen',
  'Pemberly Rail', 'Carrow Valley Water', 'Halden Museum of Making', 'Stillwater Climate Fund',
];

/** Words that make an organisation a non-profit or public body (emails under example.org). */
export const NON_PROFIT_HINTS: readonly string[] = ['Foundation', 'Trust', 'Institute', 'Cooperative', 'University', 'Council', 'College', 'School', 'Hospital', 'Food Bank', 'Museum', 'Fund'];

export const ROLES: readonly string[] = [
  'Product Manager', 'Senior Software Engineer', 'Engineering Manager', 'UX Researcher', 'Product Designer',
  'Data Scientist', 'Head of Marketing', 'Founder', 'Co-founder & CTO', 'Recruiter', 'Talent Partner',
  'Sales Director', 'Account Executive', 'Operations Lead', 'Chief of Staff', 'Policy Advisor', 'Journalist',
  'Editor', 'Lecturer in Economics', 'PhD Candidate', 'Nurse Practitioner', 'GP', 'Architect', 'Urban Planner',
  'Community Manager', 'Developer Advocate', 'Solicitor', 'Accountant', 'Financial Analyst', 'Angel Investor',
  'Venture Partner', 'Programme Manager', 'Content Strategist', 'Photographer', 'Illustrator', 'Teacher',
  'Head of People', 'Customer Success Manager', 'Site Reliability Engineer', 'Security Engineer', 'Data Engineer',
  'Mobile Developer', 'Brand Strategist', 'Events Organiser', 'Freelance Consultant', 'Research Scientist',
  'Head of Design', 'VP Engineering', 'Charity Director', 'Grants Manager', 'Copywriter', 'Frontend Developer',
  'Service Designer', 'Head of Partnerships', 'Supply Chain Analyst', 'Bookseller', 'Chef and Owner',
];

export type PhoneStyle = 'uk' | 'us';

export interface City {
  readonly name: string;
  readonly country: string;
  readonly weight: number;
  readonly phone: PhoneStyle;
  /** UK: the drama-range landline prefix; US/Canada: area code. */
  readonly area?: string;
}

export const CITIES: readonly City[] = [
  { name: 'London', country: 'UK', weight: 20, phone: 'uk', area: '20 7946 0' },
  { name: 'Leeds', country: 'UK', weight: 8, phone: 'uk', area: '113 496 0' },
  { name: 'Manchester', country: 'UK', weight: 8, phone: 'uk', area: '161 496 0' },
  { name: 'Bristol', country: 'UK', weight: 6, phone: 'uk', area: '117 496 0' },
  { name: 'Glasgow', country: 'UK', weight: 4, phone: 'uk', area: '141 496 0' },
  { name: 'Edinburgh', country: 'UK', weight: 4, phone: 'uk', area: '131 496 0' },
  { name: 'Cardiff', country: 'UK', weight: 3, phone: 'uk', area: '29 2018 0' },
  { name: 'Belfast', country: 'UK', weight: 2, phone: 'uk', area: '28 9018 0' },
  { name: 'Sheffield', country: 'UK', weight: 3, phone: 'uk', area: '114 496 0' },
  { name: 'Brighton', country: 'UK', weight: 3, phone: 'uk' },
  { name: 'Newcastle', country: 'UK', weight: 3, phone: 'uk', area: '191 498 0' },
  { name: 'Nottingham', country: 'UK', weight: 2, phone: 'uk', area: '115 496 0' },
  { name: 'Birmingham', country: 'UK', weight: 4, phone: 'uk', area: '121 496 0' },
  { name: 'Cambridge', country: 'UK', weight: 2, phone: 'uk' },
  { name: 'York', country: 'UK', weight: 2, phone: 'uk' },
  { name: 'Dublin', country: 'Ireland', weight: 3, phone: 'uk' },
  { name: 'Cork', country: 'Ireland', weight: 1, phone: 'uk' },
  { name: 'New York', country: 'USA', weight: 4, phone: 'us', area: '212' },
  { name: 'San Francisco', country: 'USA', weight: 3, phone: 'us', area: '415' },
  { name: 'Chicago', country: 'USA', weight: 2, phone: 'us', area: '312' },
  { name: 'Austin', country: 'USA', weight: 1, phone: 'us', area: '512' },
  { name: 'Seattle', country: 'USA', weight: 1, phone: 'us', area: '206' },
  { name: 'Boston', country: 'USA', weight: 1, phone: 'us', area: '617' },
  { name: 'Toronto', country: 'Canada', weight: 2, phone: 'us', area: '416' },
  { name: 'Montréal', country: 'Canada', weight: 1, phone: 'us', area: '514' },
  { name: 'Vancouver', country: 'Canada', weight: 1, phone: 'us', area: '604' },
  { name: 'Berlin', country: 'Germany', weight: 3, phone: 'uk' },
  { name: 'Amsterdam', country: 'Netherlands', weight: 3, phone: 'uk' },
  { name: 'Lisbon', country: 'Portugal', weight: 2, phone: 'uk' },
  { name: 'Barcelona', country: 'Spain', weight: 2, phone: 'uk' },
  { name: 'Paris', country: 'France', weight: 2, phone: 'uk' },
  { name: 'Copenhagen', country: 'Denmark', weight: 1, phone: 'uk' },
  { name: 'Stockholm', country: 'Sweden', weight: 1, phone: 'uk' },
  { name: 'Warsaw', country: 'Poland', weight: 1, phone: 'uk' },
  { name: 'Lagos', country: 'Nigeria', weight: 2, phone: 'uk' },
  { name: 'Accra', country: 'Ghana', weight: 1, phone: 'uk' },
  { name: 'Nairobi', country: 'Kenya', weight: 2, phone: 'uk' },
  { name: 'Bengaluru', country: 'India', weight: 2, phone: 'uk' },
  { name: 'Singapore', country: 'Singapore', weight: 2, phone: 'uk' },
  { name: 'Tokyo', country: 'Japan', weight: 1, phone: 'uk' },
  { name: 'Seoul', country: 'South Korea', weight: 1, phone: 'uk' },
  { name: 'Melbourne', country: 'Australia', weight: 1, phone: 'uk' },
  { name: 'Auckland', country: 'New Zealand', weight: 1, phone: 'uk' },
  { name: 'Mexico City', country: 'Mexico', weight: 1, phone: 'us', area: '555' },
  { name: 'São Paulo', country: 'Brazil', weight: 1, phone: 'uk' },
  { name: 'Cape Town', country: 'South Africa', weight: 1, phone: 'uk' },
];

/** Tags with relative frequency. */
export const TAGS: ReadonlyArray<readonly [string, number]> = [
  ['design', 8], ['engineering', 9], ['product', 8], ['mentor', 4], ['mentee', 3], ['alumni', 6],
  ['met at DevConf', 4], ['met at Product North', 3], ['investor', 2], ['recruiter', 3], ['former colleague', 9],
  ['client', 4], ['friend', 6], ['neighbour', 2], ['book club', 2], ['running', 2], ['climbing', 1],
  ['board games', 1], ['open source', 3], ['hiring', 3], ['speaker', 2], ['podcast guest', 1], ['volunteer', 2],
  ['founder', 3], ['coffee club', 2], ['university', 4], ['data', 4], ['marketing', 3], ['accessibility', 1],
  ['climate', 2], ['healthcare', 2], ['journalism', 1], ['public sector', 2], ['freelance', 2], ['London', 3],
  ['Leeds', 2], ['family friend', 1], ['parents at school', 1],
];

/** Invented events and meet-ups, used in tags, notes and "how we met". */
export const EVENTS: readonly string[] = [
  'DevConf', 'Product North', 'UX Leeds', 'Data Picnic', 'Founders Breakfast', 'Open Source Saturday',
  'Quayside JS', 'Design Systems Day', 'Civic Tech Night', 'Harbour Dev Day', 'Northern Rust Meetup',
  'Lantern Talks', 'Research Ops Gathering', 'Climate Builders Summit', 'Women in Product Brunch',
  'Accessibility Camp', 'Indie Makers Fair', 'Leadership Circle', 'Growth Unconference', 'Data Ethics Forum',
];

export const HOW_WE_MET: readonly string[] = [
  'Met at {event} {year}; we sat next to each other at the keynote.',
  'Introduced by {friend} over email.',
  'Worked together at {org} for about two years.',
  'Same cohort on the {course} course.',
  'Neighbours in {city} when I lived on the same street.',
  "Friend of a friend from {friend}'s birthday dinner.",
  'Reached out after reading my post about {topic}.',
  'Got talking on the train to {city} about {topic}.',
  'Studied together at university in {city}.',
  'Mentored through the {programme} programme.',
  'Both volunteered at the {charity} winter appeal.',
  'Met at the {event} after-party and swapped notes on {topic}.',
  'Interviewed me for a role at {org}; we kept in touch after.',
  'Client on the {project} project.',
  'Panel together at {event}.',
  'Kids are in the same class at school.',
  'Same running club in {city}.',
  'Connected on a community Slack about {topic}.',
  'Sat on a hiring panel together.',
  'Met at a workshop on {topic} in {city}.',
];

export const LOOKING_FOR: readonly string[] = [
  'A new role in {field}, ideally remote-friendly.',
  'Intros to early-stage investors in climate tech.',
  'Speakers for {event} next year.',
  'A co-founder with a sales background.',
  'Beta testers for a budgeting app.',
  'Advice on moving into management.',
  'Freelance illustration and editorial work.',
  'A mentor in product strategy.',
  'Two backend engineers for a growing team.',
  'Recommendations for a good accountant in {city}.',
  'A part-time board role at a charity.',
  'Case studies on {topic}.',
  'People to interview for research on {topic}.',
  'A flat in {city} from the spring.',
  'Warm intros to heads of design in fintech.',
  'A publisher for a book on {topic}.',
  'Someone to co-organise a meet-up in {city}.',
];

export const CAN_HELP_WITH: readonly string[] = [
  'Hiring advice and CV reviews.',
  'Intros to the {city} design community.',
  'Kubernetes and infrastructure questions.',
  'Pricing strategy for subscription products.',
  'Grant applications for charities.',
  'Public speaking coaching.',
  'Accessibility audits and WCAG questions.',
  'Visa paperwork; has done it twice.',
  'Negotiating salary offers.',
  'Data visualisation and dashboards.',
  'Fundraising decks and investor updates.',
  'Anything about {topic}.',
  'Finding venues for events in {city}.',
  'Copy editing and tone of voice.',
  'Setting up user research programmes.',
  'Intros to people at {org}.',
  'Career changes into tech from teaching.',
  'Legal basics for freelancers.',
];

export const CONTACT_NOTES: readonly string[] = [
  'Prefers messages to calls.',
  'Vegetarian; pick somewhere with good options.',
  'Best reached early in the morning.',
  'Always up for a walk instead of a coffee.',
  'Speaks Spanish and Portuguese.',
  'Does not drink; suggest tea or lunch.',
  'Works four-day weeks, off on Fridays.',
  'Travels a lot for work; check the time zone.',
  'Big football fan, supports the local club.',
  'Loves recommendations for sci-fi novels.',
  'Quiet in groups, much chattier one to one.',
  'Keen photographer, posts great street shots.',
  'Allergic to nuts.',
  'Has two kids and a very busy calendar; book well ahead.',
  'Trying to spend less time on email; message instead.',
];

export const STREET_KINDS: readonly string[] = ['Street', 'Road', 'Lane', 'Row', 'Yard', 'Place', 'Terrace', 'Walk'];

/** Personal mailbox providers: all under reserved example domains. */
export const PERSONAL_EMAIL_DOMAINS: readonly string[] = [
  'mail.example.net', 'post.example.org', 'inbox.example.com', 'letterbox.example.org', 'pigeon.example.net', 'home.example.com',
];
