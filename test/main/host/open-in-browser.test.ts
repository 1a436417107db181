import { describe, expect, it } from 'vitest';
import { openInBrowser } from '../../../src/main/host/open-in-browser';

describe('handing the link to the desktop', () => {
  it('says false, without failing, where no opener is installed', async () => {
    expect(await openInBrowser('http://127.0.0.1:1/?key=x', ['lectern-no-such-opener', []])).toBe(
      false,
    );
  });

  it('says true once an opener has started', async () => {
    expect(await openInBrowser('http://127.0.0.1:1/?key=x', ['true', []])).toBe(true);
  });
});
