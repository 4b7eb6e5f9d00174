import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fnv1a32, inShard, parseShard, shardOf } from '../../../server/src/jobs';

describe('--shard I/N', () => {
  it('hashes with FNV-1a 32-bit over UTF-8 (the published test vectors)', () => {
    assert.equal(fnv1a32(''), 0x811c9dc5);
    assert.equal(fnv1a32('a'), 0xe40c292c);
    assert.equal(fnv1a32('foobar'), 0xbf9cf968);
  });

  it('puts every device in exactly one shard, about evenly', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `r${i}`);
    const sizes = [0, 0, 0, 0];
    for (const id of ids) {
      const hits = [1, 2, 3, 4].filter((index) => inShard('/ws/site-a', id, { index, count: 4 }));
      assert.equal(hits.length, 1, id);
      sizes[hits[0] - 1]++;
    }
    for (const size of sizes) assert.ok(size > 400 && size < 600, `shard sizes ${sizes.join(', ')}`);
  });

  it('is stable: the key is `<folder name>/<device_id>`, not the absolute path, and pinned values do not move', () => {
    assert.equal(
      shardOf('/home/ci/run-1/site-a', 'core-rtr-01', 4),
      shardOf('/tmp/x/site-a', 'core-rtr-01', 4),
    );
    // Pinned (computed independently in Python): shards merged from different runners rely on them.
    assert.deepEqual(
      ['core-rtr-01', 'edge-rtr-02', 'access-sw-03', 'leaf-101', 'leaf-102', 'spine-01'].map((id) =>
        shardOf('/anywhere/fleet', id, 3),
      ),
      [2, 2, 1, 2, 2, 2],
    );
    assert.equal(fnv1a32('fleet/core-rtr-01'), 0x230fd83e); // Python: same FNV-1a over the same bytes
  });

  it('parses I/N and rejects what is not a shard', () => {
    assert.deepEqual(parseShard('2/4'), { index: 2, count: 4 });
    assert.deepEqual(parseShard(' 1 / 1 '), { index: 1, count: 1 });
    for (const bad of ['0/4', '5/4', '1/0', 'a/b', '1', '1/2/3']) {
      assert.throws(() => parseShard(bad), /expected I\/N with 1 ≤ I ≤ N/, bad);
    }
  });
});
