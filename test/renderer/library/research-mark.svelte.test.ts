import { describe, expect, it } from 'vitest';
import type { LecternApi } from '../../../src/shared/ipc';
import { ResearchState } from '../../../src/renderer/src/library/ResearchState.svelte';

/** Main's side, noting the order calls reach it; a save is answered a moment later. */
function fakeApi(reached: string[]): LecternApi {
  const call = async (channel: string) => {
    reached.push(channel);
    return { ok: true, value: channel === 'research.facts' ? null : undefined };
  };
  return { call } as unknown as LecternApi;
}

describe('marking read', () => {
  it('waits for a place scrolled to moments ago to be saved, so the mark is made on it', async () => {
    const reached: string[] = [];
    const research = new ResearchState(fakeApi(reached));
    // The reader's pending position, saved when asked (ReadingPositionState.flush).
    research.beforeMark = async () => {
      await Promise.resolve();
      reached.push('position.set');
    };
    await research.markRead([7], true);
    expect(reached.slice(0, 2)).toEqual(['position.set', 'research.markRead']);
  });

  it('marks nothing, and saves nothing, for no articles', async () => {
    const reached: string[] = [];
    const research = new ResearchState(fakeApi(reached));
    research.beforeMark = async () => void reached.push('position.set');
    await research.markRead([], true);
    expect(reached).toEqual([]);
  });
});
