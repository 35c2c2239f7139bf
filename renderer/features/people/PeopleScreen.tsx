import { rapport } from '../../api/rapport.ts';
import { useLive } from '../../api/useLive.ts';
import type { ContactSummary } from '../../../shared/domain/contact.ts';
import { ScreenHeading } from '../../ui/ScreenHeading.tsx';
import { AddPersonForm } from './AddPersonForm.tsx';

export function PeopleScreen() {
  const people = useLive<ContactSummary[]>((onResult) => rapport().contacts.watch({}, onResult), 'people');
  return (
    <section aria-labelledby="screen-title" className="people">
      <ScreenHeading>People</ScreenHeading>
      <div className="people-layout">
        <div>
          {people.status === 'loading' ? <p role="status">Loading people…</p> : null}
          {people.status === 'error' ? <p role="alert" className="field-error">{people.error.message}</p> : null}
          {people.status === 'ready' && people.data.length === 0 ? (
            <p className="empty">Nobody here yet. Add someone you spoke to this week, and Rapport will help you keep in touch.</p>
          ) : null}
          {people.status === 'ready' && people.data.length > 0 ? (
            <ul className="people-list" aria-label={`People (${people.data.length})`}>
              {people.data.map((person) => (
                <li key={person.id}>
                  <span className="person-name">{person.displayName}</span>
                  {person.role || person.organisation ? (
                    <span className="person-meta">{[person.role, person.organisation].filter(Boolean).join(' · ')}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <AddPersonForm create={(fields) => rapport().contacts.create(fields)} />
      </div>
    </section>
  );
}
