import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sanitizeFileName } from '../../../server/src/jobs/exportResults';

describe('export file names', () => {
  it('never leave the chosen folder and never carry separators or control characters', () => {
    assert.equal(sanitizeFileName('core-rtr-01'), 'core-rtr-01');
    assert.equal(sanitizeFileName('../../etc/passwd'), '__.._etc_passwd');
    assert.equal(sanitizeFileName('..'), '_');
    assert.equal(sanitizeFileName('site-a/r3'), 'site-a_r3');
    assert.equal(sanitizeFileName('C:\\evil'), 'C__evil');
    assert.equal(sanitizeFileName('bad\u0000\u001fname\u007f'), 'badname');
    assert.equal(sanitizeFileName(''), '_');
    assert.equal(sanitizeFileName('x'.repeat(500)).length, 200);
  });
});
