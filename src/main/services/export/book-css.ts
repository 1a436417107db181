/** The EPUB's stylesheet: quiet defaults a reading system may override, and the highlight colours. */
export const BOOK_CSS = `
body { line-height: 1.5; }
header.meta { margin-bottom: 1.5em; padding-bottom: 0.75em; border-bottom: 1px solid #ccc; }
header.meta h1 { margin: 0 0 0.4em; line-height: 1.2; }
header.meta p { margin: 0.15em 0; font-size: 0.85em; color: #555; }
.lead { margin: 0 0 1.5em; padding-left: 0.8em; border-left: 3px solid #ccc; font-size: 0.9em; }
.credit { display: block; font-size: 0.8em; text-transform: uppercase; }
blockquote { margin: 1em 0; padding-left: 1em; border-left: 3px solid #8a3b12; font-style: italic; }
pre { white-space: pre-wrap; font-size: 0.85em; }
.image, .embed { color: #555; font-size: 0.9em; }
.embed { border: 1px dashed #999; padding: 0.6em 0.8em; }
em.lost, span.blocked { font-style: normal; text-decoration: underline dotted; }
.legend { margin-top: 2em; font-size: 0.8em; color: #555; }
mark { color: inherit; }
.hl-yellow { background-color: #fde68a; }
.hl-green { background-color: #bbf7d0; }
.hl-blue { background-color: #bfdbfe; }
.hl-pink { background-color: #fbcfe8; }
a.noteref { font-size: 0.75em; vertical-align: super; line-height: 0; text-decoration: none; }
section.notes { margin-top: 2em; border-top: 1px solid #ccc; font-size: 0.9em; }
section.notes q { font-style: italic; }
`;
