import { describe, expect, it } from 'vitest';
import type { TraceEvent } from './chromium-trace';
import { CLOCK_MARK, keyLatenciesIn, latencyOf } from './key-latency';

const at = (ms: number) => ms * 1000;
const latency = (ph: 'b' | 'e', ts: number, local: string, type?: string, tid = 2): TraceEvent => ({
  name: 'EventLatency',
  ph,
  ts: at(ts),
  pid: 1,
  tid,
  id2: { local },
  args: type ? { event_latency: { event_type: type } } : {},
});
// The page's clock is the trace's less 5 000 ms: the mark, set at 100 ms on the page, is at 5 100.
const mark: TraceEvent = { name: CLOCK_MARK, ph: 'R', ts: at(5_100), pid: 1, tid: 1 };

describe('key latencies from a Chromium trace', () => {
  it('pairs each key press with its end, on the page clock, and leaves key releases out', () => {
    const events = [
      latency('e', 5_222.5, '0x16'),
      latency('b', 5_200, '0x16', 'KEY_PRESSED'),
      latency('b', 5_210, '0x23', 'KEY_RELEASED', 3),
      latency('e', 5_213, '0x23', undefined, 3),
      mark,
      latency('b', 5_300, '0x16', 'KEY_PRESSED'),
      latency('e', 5_309, '0x16'),
    ];
    const latencies = keyLatenciesIn(events, 100);
    expect(latencies).toEqual([
      { at: 200, ms: 22.5 },
      { at: 300, ms: 9 },
    ]);
    expect(latencyOf(latencies, 300.4)).toBe(9);
    expect(latencyOf(latencies, 250)).toBeNull();
  });

  it('reads nothing without the clock mark, and nothing for a press whose frame never came', () => {
    const pressed = latency('b', 5_200, '0x16', 'KEY_PRESSED');
    expect(keyLatenciesIn([pressed, latency('e', 5_220, '0x16')], 100)).toEqual([]);
    expect(keyLatenciesIn([mark, pressed], 100)).toEqual([]);
  });
});
