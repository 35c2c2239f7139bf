import { useCallback, useEffect, useRef, useState } from 'react';
import type { PersonRefView, PickedPerson } from '../../shared/ipc/channels/people.ts';
import type { RequestInput, RequestOutput } from '../../shared/ipc/contract.ts';
import type { RapportError, Result } from '../../shared/ipc/result.ts';
import { rapport } from './rapport.ts';
import { useRequest } from './request.ts';

export type PickAnswer = RequestOutput<'people.pick'>;
export type PickAsk = RequestInput<'people.pick'>;
export type { PickedPerson };

/** Answers kept per question, so going back to a text or pressing Enter asks no second time. */
const KEPT = 24;

/**
 * Asks the core who matches `ask.q` as it is typed (`people.pick`; the core ranks). Every answer
 * is kept with the question it answers, so an answer for older text is never shown for newer
 * text: `answer` is undefined until the answer for exactly this question arrives. `answerNow()`
 * resolves with that answer (asking if need be), for Enter pressed before it arrived.
 */
export function usePeoplePick(ask: PickAsk | undefined) {
  const key = ask ? JSON.stringify(ask) : '';
  const asked = useRef(new Map<string, Promise<Result<PickAnswer>>>());
  const [answered, setAnswered] = useState<{ key: string; result: Result<PickAnswer> }>();
  const answerFor = useCallback((question: string) => {
    let pending = asked.current.get(question);
    if (!pending) {
      pending = rapport().people.pick(JSON.parse(question) as PickAsk);
      asked.current.set(question, pending);
      for (const old of [...asked.current.keys()].slice(0, -KEPT)) asked.current.delete(old);
    }
    return pending;
  }, []);
  useEffect(() => {
    if (!key) return;
    let current = true;
    void answerFor(key).then((result) => {
      if (!result.ok) asked.current.delete(key); // the next keystroke asks again
      if (current) setAnswered({ key, result });
    });
    return () => {
      current = false;
    };
  }, [key, answerFor]);
  const result = key && answered?.key === key ? answered.result : undefined;
  return {
    answer: result?.ok ? result.value : undefined,
    error: result && !result.ok ? result.error : undefined,
    answerNow: useCallback(() => answerFor(key), [answerFor, key]),
  };
}

/** The wording a picker shows when it could not ask. */
export const pickFailure = (error: RapportError) => `Could not look up people: ${error.message}`;

/**
 * Names (and more) of chosen people, for chips (`people.refs`), asked once per id. `named(id)`
 * is undefined while an id is being asked and `missing` once the core says the id is gone.
 */
export function usePeopleRefs(ids: readonly string[], missing: string) {
  const request = useRequest();
  const [known, setKnown] = useState<ReadonlyMap<string, PersonRefView | null>>(new Map());
  const key = [...new Set(ids)].sort().join('\n');
  useEffect(() => {
    const unknown = key ? key.split('\n').filter((id) => !known.has(id)) : [];
    if (!unknown.length) return;
    let current = true;
    void request(() => rapport().people.refs({ ids: unknown }), { action: 'load the names of the chosen people' }).then(
      (r) => {
        if (!current || !r.ok) return;
        setKnown((before) => {
          const next = new Map(before);
          for (const id of unknown) next.set(id, null);
          for (const ref of r.value) next.set(ref.id, ref);
          return next;
        });
      },
    );
    return () => {
      current = false;
    };
  }, [key, known, request]);
  /** Tells the hook about people the screen already has (a picker's answer), so they are not asked for. */
  const remember = useCallback((person: PickedPerson) => {
    setKnown((before) => new Map(before).set(person.id, { ...person, archived: false }));
  }, []);
  const named = (id: string): string | undefined => {
    const ref = known.get(id);
    return ref === undefined ? undefined : ref === null ? missing : ref.displayName;
  };
  return { named, remember };
}
