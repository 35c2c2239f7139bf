import type { Contact } from '../../../shared/domain/contact.ts';
import { formatBirthday } from '../../ui/dates.ts';
import { BreakableAddress } from '../../ui/BreakableAddress.tsx';

export const birthdayText = (b: NonNullable<Contact['birthday']>): string => formatBirthday(b);

/** A postal address on lines as written on an envelope, its label ("home") first; '' when empty. */
function addressText(a: Contact['addresses'][number]): string {
  const lines = [
    a.poBox,
    a.extended,
    a.street,
    [a.postalCode, a.locality].filter(Boolean).join(' '),
    a.region,
    a.country,
  ]
    .map((line) => line?.trim())
    .filter(Boolean);
  return lines.length ? [...(a.label ? [`${a.label}:`] : []), ...lines].join('\n') : '';
}

/** The person's card: how to reach them and what you know. Links open in the system browser. */
export function ContactFacts({ contact }: { contact: Contact }) {
  const rows: [string, React.ReactNode][] = [];
  if (contact.emails.length)
    rows.push([
      'Email',
      contact.emails.map((e) => (
        <div key={e.value}>
          <a href={`mailto:${e.value}`}>
            <BreakableAddress value={e.value} />
          </a>
          {e.label ? ` (${e.label})` : ''}
        </div>
      )),
    ]);
  if (contact.phones.length)
    rows.push([
      'Phone',
      contact.phones.map((p) => (
        <div key={p.value}>
          {p.value}
          {p.label ? ` (${p.label})` : ''}
        </div>
      )),
    ]);
  if (contact.social.length)
    rows.push([
      'Online',
      contact.social.map((s) => (
        <div key={s.url}>
          <a href={s.url} target="_blank" rel="noreferrer">
            {s.label ?? s.kind}
          </a>
        </div>
      )),
    ]);
  if (contact.location) rows.push(['Location', contact.location]);
  // Addresses come from imported cards; the edit form keeps them as they are (it has no fields for them).
  const addresses = contact.addresses.map(addressText).filter(Boolean);
  if (addresses.length)
    rows.push([
      addresses.length === 1 ? 'Address' : 'Addresses',
      addresses.map((text, i) => (
        <div key={i} className="pre">
          {text}
        </div>
      )),
    ]);
  if (contact.birthday) rows.push(['Birthday', birthdayText(contact.birthday)]);
  if (contact.howWeMet) rows.push(['How we met', contact.howWeMet]);
  if (contact.tags.length) rows.push(['Tags', contact.tags.join(', ')]);
  if (contact.notes)
    rows.push([
      'Notes',
      <p key="notes" className="pre">
        {contact.notes}
      </p>,
    ]);
  return (
    <aside className="card facts-card" aria-label="About">
      <h2>About</h2>
      {rows.length ? (
        <dl className="facts">
          {rows.map(([label, value]) => (
            <div key={label} className="fact">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="empty">Add how you met and what they are looking for: it makes the next conversation easier.</p>
      )}
    </aside>
  );
}
