import { Fragment } from 'react';

/**
 * An e-mail address or link that may wrap where a reader expects, before "@" and before each dot
 * or slash (`<wbr>`), rather than in the middle of a word when its column is narrow. The text and
 * what copying it gives stay the same.
 */
export function BreakableAddress({ value }: { value: string }) {
  const parts = value.split(/(?=[@./])/);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </>
  );
}
