import type { Detail } from '../../../shared/domain/detail.ts';
import type { SyncConflict } from '../../../shared/domain/sync/conflict-record.ts';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { SET_ASIDE_LABELS, SetAsideList, settleWords } from '../sync/SetAsideList.tsx';

/**
 * "Changed on two devices": when both devices changed the same field of this person or of one of
 * their details, the newest edit is shown and the other was set aside. Each can be put back or
 * let go; nothing is dropped unasked. (An interaction's values show on its timeline entry.)
 */
export function SetAsideValues({
  contactId,
  values,
  details,
}: {
  contactId: string;
  values: readonly SyncConflict[];
  details: readonly { detail: Detail; values: SyncConflict[] }[];
}) {
  const request = useRequest();
  if (!values.length && !details.length) return null;
  return (
    <section className="card set-aside" aria-labelledby="set-aside-title">
      <h2 id="set-aside-title">Changed on two devices</h2>
      <p className="card-intro">
        These fields were changed on two devices before they synced. The newest change is what this page shows; the
        other is kept here until you choose.
      </p>
      {values.length ? (
        <SetAsideList
          values={values}
          labels={SET_ASIDE_LABELS.person}
          settle={(conflict, choice) =>
            void request(
              () => rapport().contacts.settleSetAside({ id: contactId, conflictId: conflict.id, choice }),
              settleWords(choice),
            )
          }
        />
      ) : null}
      {details.map(({ detail, values: detailValues }) => (
        <div key={detail.id} className="set-aside-record">
          <h3>
            Detail <q>{detail.text}</q>
          </h3>
          <SetAsideList
            values={detailValues}
            labels={SET_ASIDE_LABELS.detail}
            of={`the detail “${detail.text}”`}
            settle={(conflict, choice) =>
              void request(
                () => rapport().details.settleSetAside({ id: detail.id, conflictId: conflict.id, choice }),
                settleWords(choice),
              )
            }
          />
        </div>
      ))}
    </section>
  );
}
