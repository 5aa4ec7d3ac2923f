/** Wire types of `GET /api/search`, shared by the server that builds hits and the client that shows them. */

/** A piece of a hit's snippet; `mark` pieces are the matched text, shown as <mark>, never as HTML. */
export interface SnippetSegment {
  text: string;
  mark: boolean;
}

export interface SearchHit {
  kind: 'agenda' | 'decision' | 'actionItem';
  meetingId: string;
  meetingTitle: string;
  seriesId: string | null;
  heldOn: string | null;
  itemId: string;
  title: string;
  snippet: SnippetSegment[];
  /** Client route of the meeting at the item. */
  link: string;
}
