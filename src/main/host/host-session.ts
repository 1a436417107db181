/**
 * Who may use the browser host, the way Jupyter does it: the link printed in the terminal carries
 * a one-time secret, which the page opened from it exchanges for an HttpOnly, SameSite=Strict
 * cookie scoped to this host. The served page holds no secret, so a process that fetches it gets
 * nothing the API accepts. Each used link is replaced by a new one, printed again, so another
 * browser can be let in from the terminal.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

const secret = () => randomBytes(32).toString('hex');

/** Compares secrets in constant time, so their bytes cannot be guessed from response times. */
function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export class HostSession {
  #origin = '';
  /** Cookies are not kept apart by port: the name is, so two hosts do not overwrite each other. */
  cookieName = '';
  #key = secret();
  readonly #sessions = new Set<string>();

  /** Set once the server listens and its port is known. */
  set origin(origin: string) {
    this.#origin = origin;
    this.cookieName = `lectern-${new URL(origin).port}`;
  }

  /** The link to print: it lets one browser in. */
  get link(): string {
    return `${this.#origin}/?key=${this.#key}`;
  }

  /**
   * Takes a link's secret once: the Set-Cookie header to answer with, or null when the secret is
   * wrong or already used. The next link is made at once.
   */
  exchange(key: string | null): string | null {
    if (!key || !same(key, this.#key)) return null;
    this.#key = secret();
    const session = secret();
    this.#sessions.add(session);
    return `${this.cookieName}=${session}; HttpOnly; SameSite=Strict; Path=/`;
  }

  /** True when the request's Cookie header holds a session this host handed out. */
  admits(cookieHeader: string | undefined): boolean {
    if (!cookieHeader) return false;
    for (const part of cookieHeader.split(';')) {
      const [name, value] = part.trim().split('=', 2);
      if (name !== this.cookieName || !value) continue;
      for (const session of this.#sessions) if (same(value, session)) return true;
    }
    return false;
  }
}

/** The page a request without the cookie gets: what to do, and no secret. */
export function refusalPage(origin: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="color-scheme" content="light dark">
    <title>Lectern: use the link from the terminal</title>
  </head>
  <body>
    <h1>Use the link printed in the terminal</h1>
    <p>Lectern is running at ${origin}/, but it lets in only the browser that opens the link it
    printed in the terminal where it was started (it ends in <code>?key=…</code>).</p>
    <p>Each link works once. When one has been used, Lectern prints a new one for another browser.</p>
  </body>
</html>
`;
}
