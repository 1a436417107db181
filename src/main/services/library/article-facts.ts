/**
 * What the library's background analysis learns from one article file: the key its reading
 * position and highlights are stored under, its original address and a fingerprint of its body
 * (copies share them), and its people, places and organisations. Pure functions of the file's
 * text, so they run on any thread.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { articleKey } from '../../../shared/article-key';
import type { Entity } from '../../../shared/article-details';
import { entitySegments } from '../article-details';
import { articleIdFromName } from '../article-file';
import { parseArticle } from '../article-parser';
import { findEntities } from '../entities';
import { summariseArticle } from './article-summary';

export interface ArticleFacts {
  key: string;
  /** The original address, or null. */
  url: string | null;
  /** The same address without `www.`, fragment or trailing slash: copies share it. */
  sameUrl: string | null;
  /** A hash of the body's words; null for an article without body text. */
  body: string | null;
}

const ORIGINAL_URL = /^original\s+url\s*:?\s*(.*)$/i;
const LINK_TARGET = /\]\(\s*<?([^)\s>]+)>?\s*\)|<([^>\s]+)>|(\S+)/;

/** Facts read cheaply: the parser runs only for a file whose name carries no article id. */
export async function factsOf(text: string, rel: string): Promise<ArticleFacts> {
  const name = basename(rel);
  const id = articleIdFromName(name);
  const key = id ?? (await articleKey(parseArticle(text, sourceOf(name))));
  const body = summariseArticle(text, name).body.replace(/\s+/g, ' ').trim();
  const url = originalUrlOf(text);
  return {
    key,
    url,
    sameUrl: url === null ? null : sameUrlOf(url),
    body: body ? createHash('sha256').update(body).digest('base64url').slice(0, 22) : null,
  };
}

/** The names in an article, found as the details panel finds them (one extractor for both). */
export async function namesOf(text: string, rel: string): Promise<Entity[]> {
  return findEntities(entitySegments(parseArticle(text, sourceOf(basename(rel)))));
}

/**
 * The web address after the last "Original url:" label, on its line or the next one with text, as
 * `<https://…>`, a Markdown link or bare.
 */
export function originalUrlOf(text: string): string | null {
  const lines = text.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const label = ORIGINAL_URL.exec(lines[i]!.trim());
    if (!label) continue;
    let rest = label[1]!.trim();
    for (let next = i + 1; !rest && next < lines.length && next <= i + 3; next++) {
      rest = lines[next]!.trim();
    }
    const target = LINK_TARGET.exec(rest);
    try {
      const url = new URL(target?.[1] ?? target?.[2] ?? target?.[3] ?? '');
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch {
      return null;
    }
  }
  return null;
}

/** Two spellings of one page compare equal: scheme, `www.`, fragment and trailing slash aside. */
export function sameUrlOf(href: string): string {
  const url = new URL(href);
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.hostname.replace(/^www\./, '')}${path}${url.search}`;
}

function sourceOf(name: string) {
  return {
    name,
    path: null,
    articleId: articleIdFromName(name),
    size: 0,
    modified: null,
    encoding: 'utf-8',
    bom: false,
    lineEndings: 'LF' as const,
    replacedBytes: 0,
  };
}
