/**
 * Business cards for the OCR tests and `npm run bench:cards`, drawn as HTML and screenshot in
 * Chromium, so the tests make their own images. The people and organisations are invented; the
 * layouts, fonts, colours and sizes vary the way printed cards do.
 */
export interface SampleCard {
  name: string;
  title: string;
  organisation: string;
  email: string;
  phone: string;
  url?: string;
  address?: string;
  layout: 'classic' | 'centred' | 'split' | 'banner' | 'right' | 'stacked';
  font: string;
  /** Background and text colours. */
  colours: [string, string];
  /** Base font size in px on a 1050 × 600 card (3.5 × 2 in at 300 dpi). */
  size: number;
}

const SANS = '"Liberation Sans", sans-serif';
const SERIF = '"Liberation Serif", serif';
const DEJAVU = '"DejaVu Sans", sans-serif';
const DEJAVU_SERIF = '"DejaVu Serif", serif';
const NARROW = '"Liberation Sans Narrow", sans-serif';
const CONDENSED = '"DejaVu Sans Condensed", sans-serif';
const MONO = '"DejaVu Sans Mono", monospace';

export const SAMPLE_CARDS: SampleCard[] = [
  {
    name: 'Amara Okafor',
    title: 'Head of Partnerships',
    organisation: 'Northwind Analytics',
    email: 'amara.okafor@northwind.example',
    phone: '+44 20 7946 0321',
    url: 'www.northwind.example',
    layout: 'classic',
    font: SERIF,
    colours: ['#fdfcf7', '#1d1d1b'],
    size: 30,
  },
  {
    name: 'Jonas Lindqvist',
    title: 'Senior Product Designer',
    organisation: 'Blue Heron Studio',
    email: 'jonas@blueheron.example',
    phone: '+46 8 555 012 34',
    layout: 'banner',
    font: SANS,
    colours: ['#ffffff', '#0b3954'],
    size: 28,
  },
  {
    name: 'Priya Natarajan',
    title: 'Chief Technology Officer',
    organisation: 'Kestrel Robotics Ltd',
    email: 'priya@kestrel.example',
    phone: '+44 7700 900123',
    address: '12 Harbour Street, Leith',
    layout: 'split',
    font: DEJAVU,
    colours: ['#f4f1ea', '#222222'],
    size: 26,
  },
  {
    name: 'Mateo Ruiz',
    title: 'Sales Director',
    organisation: 'Open Harbour Logistics',
    email: 'mateo.ruiz@openharbour.example',
    phone: '+34 912 345 678',
    layout: 'centred',
    font: DEJAVU_SERIF,
    colours: ['#ffffff', '#333333'],
    size: 28,
  },
  {
    name: 'Lena Vogel',
    title: 'Research Scientist',
    organisation: 'Fraunhofer Lab Berlin',
    email: 'lena.vogel@fraunhofer-lab.example',
    phone: '+49 30 1234 5678',
    layout: 'right',
    font: SANS,
    colours: ['#eef3f8', '#10243e'],
    size: 27,
  },
  {
    name: 'Sam Whitfield',
    title: 'Founder',
    organisation: 'Whitfield & Co',
    email: 'sam@whitfield.example',
    phone: '(555) 013-2290',
    url: 'whitfield.example',
    layout: 'stacked',
    font: NARROW,
    colours: ['#ffffff', '#000000'],
    size: 32,
  },
  {
    name: 'Grace Mensah',
    title: 'Marketing Manager',
    organisation: 'Sunrise Media Group',
    email: 'grace.mensah@sunrisemedia.example',
    phone: '+233 30 276 1234',
    layout: 'classic',
    font: CONDENSED,
    colours: ['#fff8ef', '#3d2b1f'],
    size: 28,
  },
  {
    name: 'Hiroshi Tanaka',
    title: 'Software Engineer',
    organisation: 'Pinecone Systems',
    email: 'h.tanaka@pinecone.example',
    phone: '+81 3 5555 0198',
    layout: 'banner',
    font: MONO,
    colours: ['#f7f7f7', '#1b1b1b'],
    size: 25,
  },
  {
    name: 'Chloe Dubois',
    title: 'Art Director',
    organisation: 'Atelier Lumen',
    email: 'chloe@atelierlumen.example',
    phone: '+33 1 44 55 66 77',
    url: 'atelierlumen.example',
    layout: 'centred',
    font: SERIF,
    colours: ['#1f2933', '#f5f5f5'],
    size: 28,
  },
  {
    name: 'Daniel Osei',
    title: 'Operations Lead',
    organisation: 'Greenfield Energy',
    email: 'daniel.osei@greenfield.example',
    phone: '+1 415 555 0142',
    layout: 'split',
    font: SANS,
    colours: ['#ffffff', '#14532d'],
    size: 27,
  },
  {
    name: 'Sofia Rossi',
    title: 'Architect',
    organisation: 'Rossi Studio Milano',
    email: 'sofia@rossistudio.example',
    phone: '+39 02 1234 5678',
    address: 'Via Torino 21, Milano',
    layout: 'right',
    font: DEJAVU_SERIF,
    colours: ['#faf7f2', '#2b2b2b'],
    size: 26,
  },
  {
    name: 'Ethan Brooks',
    title: 'Product Manager',
    organisation: 'Lighthouse Software',
    email: 'ethan.brooks@lighthouse.example',
    phone: '+1 212 555 0187',
    url: 'lighthouse.example',
    layout: 'classic',
    font: DEJAVU,
    colours: ['#ffffff', '#1e3a8a'],
    size: 26,
  },
  {
    name: 'Aisha Rahman',
    title: 'Data Analyst',
    organisation: 'Meridian Health',
    email: 'aisha.rahman@meridianhealth.example',
    phone: '+44 161 496 0753',
    layout: 'stacked',
    font: SANS,
    colours: ['#f0fdf4', '#052e16'],
    size: 28,
  },
  {
    name: 'Tomasz Nowak',
    title: 'Vice President of Engineering',
    organisation: 'Baltic Networks',
    email: 'tomasz.nowak@balticnet.example',
    phone: '+48 22 555 01 23',
    layout: 'banner',
    font: CONDENSED,
    colours: ['#ffffff', '#111827'],
    size: 26,
  },
  {
    name: 'Isabel Costa',
    title: 'Consultant',
    organisation: 'Costa Consulting',
    email: 'isabel@costaconsulting.example',
    phone: '+351 21 555 0134',
    layout: 'centred',
    font: SANS,
    colours: ['#fefce8', '#422006'],
    size: 30,
  },
  {
    name: 'Noah Fischer',
    title: 'Recruiter',
    organisation: 'Talentbridge Partners',
    email: 'noah.fischer@talentbridge.example',
    phone: '+49 89 5555 0123',
    layout: 'split',
    font: SERIF,
    colours: ['#ffffff', '#312e81'],
    size: 28,
  },
  {
    name: 'Zainab Bello',
    title: 'Community Manager',
    organisation: 'Lagos Tech Hub',
    email: 'zainab@lagostechhub.example',
    phone: '+234 1 555 0199',
    url: 'lagostechhub.example',
    layout: 'right',
    font: DEJAVU,
    colours: ['#0f172a', '#e2e8f0'],
    size: 26,
  },
  {
    name: 'Oliver Grant',
    title: 'Partner',
    organisation: 'Grant & Hale Solicitors',
    email: 'oliver.grant@granthale.example',
    phone: '+44 131 496 0022',
    address: '4 Charlotte Square, Edinburgh',
    layout: 'classic',
    font: DEJAVU_SERIF,
    colours: ['#ffffff', '#1c1917'],
    size: 26,
  },
  {
    name: 'Mei Chen',
    title: 'UX Researcher',
    organisation: 'Bamboo Labs',
    email: 'mei.chen@bamboolabs.example',
    phone: '+65 6555 0142',
    layout: 'stacked',
    font: NARROW,
    colours: ['#ecfeff', '#164e63'],
    size: 30,
  },
  {
    name: 'Lucas Martin',
    title: 'Account Executive',
    organisation: 'Cobalt Digital',
    email: 'lucas.martin@cobaltdigital.example',
    phone: '+33 4 72 55 01 23',
    layout: 'banner',
    font: SANS,
    colours: ['#ffffff', '#7c2d12'],
    size: 27,
  },
  {
    name: 'Hannah Kim',
    title: 'Professor of Economics',
    organisation: 'Riverside University',
    email: 'hkim@riverside.example',
    phone: '+1 617 555 0110',
    url: 'riverside.example/econ',
    layout: 'centred',
    font: SERIF,
    colours: ['#fffbeb', '#78350f'],
    size: 27,
  },
  {
    name: 'Rafael Souza',
    title: 'Engineering Manager',
    organisation: 'Tucano Payments',
    email: 'rafael.souza@tucano.example',
    phone: '+55 11 5555 0123',
    layout: 'split',
    font: MONO,
    colours: ['#ffffff', '#064e3b'],
    size: 24,
  },
];

const esc = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The card as a standalone HTML page of exactly 1050 × 600 pixels. */
export function cardHtml(card: SampleCard): string {
  const [bg, fg] = card.colours;
  const s = card.size;
  const lines = (...parts: Array<string | undefined>) =>
    parts
      .filter(Boolean)
      .map((p) => `<div>${esc(p!)}</div>`)
      .join('');
  const name = `<div style="font-size:${Math.round(s * 1.55)}px;font-weight:bold">${esc(card.name)}</div>`;
  const title = `<div style="font-size:${s}px;opacity:.85">${esc(card.title)}</div>`;
  const org = `<div style="font-size:${Math.round(s * 1.15)}px;letter-spacing:.03em">${esc(card.organisation)}</div>`;
  const contacts = `<div style="font-size:${Math.round(s * 0.9)}px;line-height:1.45">${lines(card.email, card.phone, card.url, card.address)}</div>`;
  const body = {
    classic: `${name}${title}<div style="height:24px"></div>${org}<div style="position:absolute;left:70px;bottom:60px">${contacts}</div>`,
    centred: `<div style="text-align:center;padding-top:40px">${org}<div style="height:50px"></div>${name}${title}<div style="height:40px"></div>${contacts}</div>`,
    split: `<div style="display:flex;gap:60px;height:100%;align-items:center"><div style="flex:1">${name}${title}${org}</div><div style="flex:1;border-left:3px solid ${fg};padding-left:40px">${contacts}</div></div>`,
    banner: `<div style="margin:-60px -70px 40px;padding:40px 70px;background:${fg};color:${bg}">${org}</div>${name}${title}<div style="height:30px"></div>${contacts}`,
    right: `<div style="text-align:right">${name}${title}<div style="height:30px"></div>${contacts}<div style="height:30px"></div>${org}</div>`,
    stacked: `${org}<div style="height:3px;background:${fg};margin:16px 0 30px;width:120px"></div>${name}${title}<div style="height:30px"></div>${contacts}`,
  }[card.layout];
  return `<!doctype html><html><body style="margin:0"><div style="box-sizing:border-box;position:relative;width:1050px;height:600px;padding:60px 70px;background:${bg};color:${fg};font-family:${card.font}">${body}</div></body></html>`;
}
