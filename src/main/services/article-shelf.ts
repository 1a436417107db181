/**
 * The articles opened in this thread: read, decoded and parsed here. A long one is answered with
 * the head of its body first, parsed from the start of its text alone; the rest is parsed after
 * the answer has gone and handed out in pieces (`reader.bodyPiece`). The details panel's data is
 * worked out here too, from the whole article. Runs in the article worker (`article-worker.ts`),
 * or in the caller's thread where there is none (unit tests).
 */
import { randomUUID } from 'node:crypto';
import type { Article, Block, BodyPiece, Inline } from '../../shared/article';
import type { ArticleDetails, Entity } from '../../shared/article-details';
import { articleKey } from '../../shared/article-key';
import { encodeBlocks } from '../../shared/body-piece-codec';
import { AppFailure } from '../../shared/result';
import { articleDetails } from './article-details';
import {
  decodeArticle,
  decodeArticleStart,
  parseDecoded,
  readArticleFile,
  type ArticleBytes,
  type ArticleFile,
  type DecodedArticle,
} from './article-file';
import { headSection } from './markdown-sections';

/** A path the thread reads itself, bytes handed over, or a file read by the library (contained). */
export type ArticleSource = { path: string } | { name: string; bytes: Uint8Array } | ArticleBytes;

/**
 * Texts up to this many characters are parsed whole before answering. Past it the head goes first:
 * a 200 KB article answered whole was ~1 000 blocks for the window to take in before its title's
 * frame (100–250 ms more than its head), however few of them that frame shows.
 */
const WHOLE_UP_TO = 64 * 1024;
/** The head answered first: enough for the first screens, parsed in a few milliseconds. */
const HEAD_CHARS = 32 * 1024;
/** …and no more lines than this (a file of one-letter paragraphs has thousands in 32 K). */
const HEAD_LINES = 500;
/** A head that would run past this (a paragraph of megabytes) stops before the block that does. */
const HEAD_MOST_CHARS = 128 * 1024;
/** Text per piece of the rest: about 1 MB of JSON, parsed by the window in about 10 ms… */
const PIECE_CHARS = 768 * 1024;
/** …and no more blocks than this, which the window adds in a few milliseconds however small. */
const PIECE_BLOCKS = 4096;
/**
 * Past this many bytes, the head is parsed from the text's first bytes decoded alone, when they
 * can be (`decodeArticleStart`), and the whole is decoded after the answer: 20 MB took 150–400 ms
 * to decode and scan before. Enough bytes for HEAD_MOST_CHARS however the text is written.
 */
const START_FIRST_FROM_BYTES = 1024 * 1024;
const START_BYTES = 4 * HEAD_MOST_CHARS + 4;
/** Articles kept for their pieces and details: the one shown and the ones just before it. */
const KEPT = 4;

interface Opened {
  answer: Article;
  /** Parses the whole text once; until then only the head is known. */
  finish: (() => Article) | null;
  whole: Article | null;
  /** Why the whole text could not be parsed (the head could: it is shown). */
  failure: unknown;
  starts: number[] | null;
  details: Promise<ArticleDetails> | null;
}

/** What the host is answered when an article opens. */
export interface ShelvedArticle {
  /** The whole article, or its head with `continued` set. */
  article: Article;
  /** Its key (`article-key.ts`); null when that needs the whole of a long text (its last piece brings it). */
  key: string | null;
  /** What the host asks for its details and its whole text by. */
  ref: string;
}

export class ArticleShelf {
  readonly #opened = new Map<string, Opened>();
  readonly #findNames: ((segments: string[]) => Promise<Entity[]>) | undefined;

  /** `findNames` finds the details panel's names (inline when not given). */
  constructor(findNames?: (segments: string[]) => Promise<Entity[]>) {
    this.#findNames = findNames;
  }

  /**
   * What the window is answered: the whole article, or its head with `continued` set. For a long
   * one, `finish` parses the rest: the worker calls it once the answer has been sent.
   */
  async open(source: ArticleSource): Promise<{ answer: ShelvedArticle; finish: () => void }> {
    const { bytes, file } =
      'path' in source
        ? await readArticleFile(source.path)
        : 'file' in source
          ? source
          : { bytes: source.bytes, file: { name: source.name, path: null, modified: null } };
    const { ref, opened } = this.#keep(
      (bytes.byteLength > START_FIRST_FROM_BYTES && headFromStart(bytes, file)) ||
        headOf(decodeArticle(bytes, file)),
    );
    const finish = () => {
      try {
        this.#whole(opened);
      } catch {
        // The rest could not be parsed (too many blocks): each piece asked for says why.
      }
    };
    const article = opened.answer;
    // A long text's key is its file's id, or else a hash of all of it: that waits for its end.
    const key = !article.continued || article.source.articleId ? await articleKey(article) : null;
    return { answer: { article, key, ref }, finish };
  }

  /** Piece `index` of the rest of a long article's body; the last one says so (`end`). */
  async piece(id: string, index: number): Promise<BodyPiece> {
    const opened = this.#get(id);
    const whole = this.#whole(opened);
    const starts = (opened.starts ??= pieceStarts(opened.answer.body, whole.body));
    const start = starts[index];
    if (start === undefined) throw new AppFailure('invalid-request', 'There is no such piece.');
    const last = index === starts.length - 1;
    return {
      start,
      encoded: encodeBlocks(whole.body.slice(start, starts[index + 1] ?? whole.body.length)),
      end: last
        ? { originalUrl: whole.originalUrl, missing: whole.missing, key: await articleKey(whole) }
        : null,
    };
  }

  /** The details panel's data for an article opened here, from the whole of it. */
  async details(ref: string): Promise<ArticleDetails | null> {
    const opened = this.#opened.get(ref);
    if (!opened) return null;
    opened.details ??= articleDetails(this.#whole(opened), this.#findNames);
    return opened.details;
  }

  /** The whole of an article opened here (for an export of the article shown). */
  whole(ref: string): Article {
    return this.#whole(this.#get(ref));
  }

  #get(ref: string): Opened {
    const opened = this.#opened.get(ref);
    if (!opened) {
      throw new AppFailure('not-found', 'That article is no longer open: open it again.');
    }
    return opened;
  }

  #keep({ head, whole }: Head): { ref: string; opened: Opened } {
    const ref = randomUUID();
    const { characters, headCharacters } = whole ?? { characters: 0, headCharacters: 0 };
    // The original URL is at the end of the text: a long one's last piece brings it.
    const answer = whole
      ? { ...head, originalUrl: null, continued: { id: ref, characters, headCharacters } }
      : head;
    const opened: Opened = {
      answer,
      finish: whole?.parse ?? null,
      whole: whole ? null : head,
      failure: null,
      starts: null,
      details: null,
    };
    this.#opened.set(ref, opened);
    for (const old of this.#opened.keys()) {
      if (this.#opened.size <= KEPT) break;
      this.#opened.delete(old);
    }
    return { ref, opened };
  }

  #whole(opened: Opened): Article {
    const finish = opened.finish;
    opened.finish = null;
    try {
      if (finish) opened.whole = finish();
    } catch (error) {
      opened.failure = error;
    }
    if (opened.failure) throw opened.failure;
    return opened.whole!;
  }
}

/** An article's head, parsed, and how to parse all of it, unless the head is all of it. */
interface Head {
  head: Article;
  whole: { parse: () => Article; characters: number; headCharacters: number } | null;
}

/** Short texts are parsed whole; past WHOLE_UP_TO characters the head is parsed alone. */
function headOf({ text, source }: DecodedArticle): Head {
  if (text.length <= WHOLE_UP_TO) return { head: parseDecoded(text, source), whole: null };
  const headText = headSection(text, HEAD_CHARS, HEAD_LINES, HEAD_MOST_CHARS);
  return {
    head: parseDecoded(headText, source),
    whole: {
      parse: () => parseDecoded(text, source),
      characters: text.length,
      headCharacters: headText.length,
    },
  };
}

/**
 * The head from the text's first bytes alone (see START_FIRST_FROM_BYTES), or null where they do
 * not settle it: the head `headSection` finds in them is the one it finds in the whole text when it
 * ends before them (the rest of the text plays no part in where the head is cut).
 */
function headFromStart(bytes: Uint8Array, file: ArticleFile): Head | null {
  // A text with reference definitions is never cut (markdown-sections): they apply to all of it.
  if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(']:')) return null;
  const start = decodeArticleStart(bytes, file, START_BYTES);
  if (!start) return null;
  const headText = headSection(start.text, HEAD_CHARS, HEAD_LINES, HEAD_MOST_CHARS);
  if (headText.length === start.text.length) return null;
  return {
    head: parseDecoded(headText, start.source),
    whole: {
      parse: () => {
        const { text, source } = decodeArticle(bytes, file);
        return parseDecoded(text, source);
      },
      // About as many characters as bytes: the window only sizes its chunks by it.
      characters: bytes.byteLength,
      headCharacters: headText.length,
    },
  };
}

/**
 * Where each piece starts in the whole body. The first starts where the head stops matching it
 * (normally its end: the head is cut where the whole text parses the same way).
 */
function pieceStarts(head: Block[], whole: Block[]): number[] {
  let start = 0;
  while (start < head.length && head[start]!.id === whole[start]?.id) start++;
  const starts = [start];
  let size = 0;
  for (let i = start; i < whole.length; i++) {
    size += blockSize(whole[i]!);
    const count = i + 1 - starts.at(-1)!;
    if ((size >= PIECE_CHARS || count >= PIECE_BLOCKS) && i + 1 < whole.length) {
      starts.push(i + 1);
      size = 0;
    }
  }
  return starts;
}

/** About how much a block weighs once encoded: its text, and a little for each node. */
function blockSize(block: Block): number {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return 40 + inlineSize(block.children);
    case 'quote':
      return 40 + block.children.reduce((sum, child) => sum + blockSize(child), 0);
    case 'list':
      return 40 + block.items.flat().reduce((sum, child) => sum + blockSize(child), 0);
    case 'code':
      return 40 + block.text.length;
    case 'image':
      return 40 + block.alt.length;
    default:
      return 40;
  }
}

function inlineSize(nodes: Inline[]): number {
  let size = 0;
  for (const node of nodes) {
    size += 30;
    if (node.type === 'text' || node.type === 'code') size += node.text.length;
    else if (node.type === 'image') size += node.alt.length;
    else if (node.type !== 'break') size += inlineSize(node.children);
  }
  return size;
}
