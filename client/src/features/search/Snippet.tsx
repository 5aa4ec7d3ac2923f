import { Fragment } from 'react';
import type { SnippetSegment } from '@suishin/shared/protocol';

/** The server's marked snippet as text nodes and <mark> elements: never parsed as HTML. */
export function Snippet({ segments }: { segments: SnippetSegment[] }) {
  return (
    <>
      {segments.map((segment, i) => (segment.mark ? <mark key={i}>{segment.text}</mark> : <Fragment key={i}>{segment.text}</Fragment>))}
    </>
  );
}
