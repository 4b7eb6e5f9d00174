import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import {
  JournalReader,
  JournalWriter,
  replayJournal,
  type BodyLocation,
} from '../../../server/src/jobs/journal';
import { encodeBody } from '../../../server/src/jobs/journalFormat';
import { tempDir } from '../../support/fleetGenerator';

const tmp = tempDir('jobs-journal');
after(() => tmp.remove());

function replayAll(file: string): {
  metas: unknown[];
  bodies: BodyLocation[];
  result: ReturnType<typeof replayJournal>;
} {
  const metas: unknown[] = [];
  const bodies: BodyLocation[] = [];
  const result = replayJournal(file, (meta, body) => {
    metas.push(meta);
    bodies.push(body);
  });
  return { metas, bodies, result };
}

describe('journal framing (length + checksum records, one write each)', () => {
  it('reads back every record; bodies lazily, checked', () => {
    const file = path.join(tmp.dir, 'a.journal');
    const writer = new JournalWriter(file, 100, 0);
    writer.append({ t: 'job', n: 1 });
    const { body, bodyCrc } = encodeBody({ remediation: 'interface Gi1\n shutdown\n', rollback: 'ü ✓' });
    const location = writer.append({ t: 'device', i: 0 }, body, bodyCrc);
    writer.append({ t: 'status', status: 'completed' });
    writer.close();
    const { metas, result } = replayAll(file);
    assert.deepEqual(metas, [
      { t: 'job', n: 1 },
      { t: 'device', i: 0 },
      { t: 'status', status: 'completed' },
    ]);
    assert.equal(result.problem, undefined);
    assert.equal(result.validBytes, fs.statSync(file).size);
    const reader = new JournalReader(file);
    assert.deepEqual(reader.readJson(location!), {
      remediation: 'interface Gi1\n shutdown\n',
      rollback: 'ü ✓',
    });
    reader.close();
  });

  it('stops at a torn record, reports where, and a writer reopened there appends readable records', () => {
    const file = path.join(tmp.dir, 'b.journal');
    const writer = new JournalWriter(file, 100, 0);
    writer.append({ k: 1 });
    writer.append({ k: 2 }, new TextEncoder().encode('x'.repeat(1000)));
    writer.close();
    const whole = fs.statSync(file).size;
    fs.truncateSync(file, whole - 10); // the process died mid-write of record 2
    const torn = replayAll(file);
    assert.deepEqual(torn.metas, [{ k: 1 }]);
    assert.match(torn.result.problem ?? '', /^a torn record \(\d+ of \d+ bytes\)$/);
    const again = new JournalWriter(file, 100, torn.result.validBytes);
    again.append({ k: 3 });
    again.close();
    assert.deepEqual(replayAll(file).metas, [{ k: 1 }, { k: 3 }]);
    assert.equal(replayAll(file).result.problem, undefined);
  });

  it('a damaged meta fails its checksum; a damaged body is caught when read, with a readable error', () => {
    const file = path.join(tmp.dir, 'c.journal');
    const writer = new JournalWriter(file, 100, 0);
    const location = writer.append({ k: 1 }, new TextEncoder().encode('{"remediation":"x"}'));
    writer.append({ k: 2 });
    writer.close();
    const bytes = fs.readFileSync(file);
    bytes[location!.offset + 3] ^= 0x01;
    bytes[bytes.length - 2] ^= 0x01;
    fs.writeFileSync(file, bytes);
    const { metas, result } = replayAll(file);
    assert.deepEqual(metas, [{ k: 1 }], 'replay skips bodies: the body damage is not seen here');
    assert.equal(result.problem, 'a record that fails its checksum');
    const reader = new JournalReader(file);
    assert.throws(() => reader.readJson(location!), /c\.journal is damaged at byte \d+/);
    reader.close();
  });

  it('garbage where a record should start is not read as one', () => {
    const file = path.join(tmp.dir, 'd.journal');
    fs.writeFileSync(file, Buffer.from('not a journal at all, just text'));
    const { metas, result } = replayAll(file);
    assert.deepEqual(metas, []);
    assert.equal(result.validBytes, 0);
    assert.equal(result.problem, 'bytes that are not a record');
  });
});
