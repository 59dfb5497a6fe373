import { Fragment } from 'react';

/** Text whose matched words come wrapped in start/end markers, rendered with <mark>: no HTML is parsed. */
export function Highlighted({ text, start, end }: { text: string; start: string; end: string }) {
  const parts = text.split(start);
  return (
    <>
      {parts.map((part, index) => {
        if (index === 0) return <Fragment key={index}>{part.replaceAll(end, '')}</Fragment>;
        const [matched = '', ...rest] = part.split(end);
        return (
          <Fragment key={index}>
            <mark>{matched}</mark>
            {rest.join('')}
          </Fragment>
        );
      })}
    </>
  );
}
