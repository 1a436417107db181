import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { settleWrites } from '../../../src/main/services/pending-writes';
import { StoredDocument } from '../../../src/main/services/stored-document';

describe('settleWrites', () => {
  it('waits for every queued change to reach the disk', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lectern-settle-')), 'state.json');
    const doc = new StoredDocument(file, v.number(), () => 0);
    await doc.read();
    // Fire changes without awaiting them, as request handlers do right before a quit.
    for (let n = 1; n <= 20; n++) void doc.update(() => n);
    await settleWrites();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 1, data: 20 });
  });
});
