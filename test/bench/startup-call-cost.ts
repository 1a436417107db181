/**
 * What `app.start` costs without a page, for the Electron estimate (Electron cannot run here): the
 * handler on a fresh set of services (cold stores, the article read and parsed), and its answer
 * through V8's serializer, which is how Electron's IPC copies it to the window; beside it, the
 * browser host's JSON encoding and decoding of the same answer.
 */
import { deserialize, serialize } from 'node:v8';
import { createServices } from '../../src/main/services/lectern-handlers';
import { decodeWire, encodeWire } from '../../src/shared/wire-codec';

export interface StartupCallCost {
  handlerMs: number;
  structuredCloneMs: number;
  jsonMs: number;
  cloneBytes: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function startupCallCost(
  file: string,
  named: boolean,
  userDataDir: string,
  runs = 5,
): Promise<StartupCallCost> {
  const handler: number[] = [];
  const clone: number[] = [];
  const json: number[] = [];
  let cloneBytes = 0;
  for (let run = 0; run < runs; run++) {
    const services = createServices({
      info: { host: 'electron', version: 'bench', nativeMenu: true },
      startupPath: file,
      startupIsSample: !named,
      userDataDir,
      openExternal: async () => undefined,
    });
    let started = performance.now();
    const answer = await services.handlers['app.start']();
    handler.push(performance.now() - started);
    started = performance.now();
    const bytes = serialize(answer);
    deserialize(bytes);
    clone.push(performance.now() - started);
    cloneBytes = bytes.byteLength;
    started = performance.now();
    decodeWire(encodeWire({ ok: true, value: answer }));
    json.push(performance.now() - started);
    await services.library.close();
  }
  return {
    handlerMs: median(handler),
    structuredCloneMs: median(clone),
    jsonMs: median(json),
    cloneBytes,
  };
}
