/**
 * The jobs tree's words for a device (client/src/jobs/jobFormat.ts: plain functions, no vscode), for
 * what the in-host suite cannot easily reach: unmanaged drift in the description and the tooltip.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deviceDescription, deviceTooltipMarkdown } from '../../../client/src/jobs/jobFormat';
import type { DeviceSummary } from '../../../server/src/protocol';

const DEVICE: DeviceSummary = {
  device_id: 'br-rtr-11',
  folder: '/work/branch',
  platform: 'cisco_ios',
  status: 'success',
  change_score: { added: 2, removed: 1, changed: 0, score: 3 },
  verified: true,
  rollback_verified: true,
  risk_count: 0,
  running: { path: 'running/br-rtr-11.cfg' },
  intended: { path: 'intended/br-rtr-11.cfg' },
};

const SCOPED: DeviceSummary = {
  ...DEVICE,
  unmanaged_drift: 32,
  unmanaged_preview: [
    { text: 'hostname BR-RTR-11', kind: 'differs', reason: 'unmanaged' },
    { text: 'username ops privilege 15 secret 9 $(alert)*x*', kind: 'running-only', reason: 'ignored' },
  ],
};

describe('jobs tree: a device’s unmanaged drift', () => {
  it('adds `· N unmanaged` to a finished device’s description, after its other facts', () => {
    assert.equal(deviceDescription(DEVICE), '+2 −1');
    assert.equal(deviceDescription(SCOPED), '+2 −1 · 32 unmanaged');
    assert.equal(
      deviceDescription({ ...SCOPED, verified: false, risk_count: 2 }),
      '+2 −1 · unverified · 2 risks · 32 unmanaged',
    );
    assert.equal(
      deviceDescription({ ...SCOPED, unmanaged_drift: 0 }),
      '+2 −1',
      'a scope with nothing outside it',
    );
  });

  it('lists the previewed sections in the tooltip as information, escaped, with how many more there are', () => {
    const tooltip = deviceTooltipMarkdown(SCOPED);
    assert.match(
      tooltip,
      /\n\$\(info\) Unmanaged drift: 32 top-level sections differ outside the scope \(not in the scripts, not drift\)\n/,
    );
    assert.match(tooltip, /\n- hostname BR\\-RTR\\-11 — differs\n/);
    // A config line can neither draw a theme icon nor emphasise: `$`, `(` and `*` are escaped.
    assert.match(tooltip, /secret 9 \\\$\\\(alert\\\)\\\*x\\\* — only in running, ignored\n/);
    assert.match(tooltip, /\n- … and 30 more$/);
    assert.doesNotMatch(tooltip, /\$\(warning\)|\$\(error\)/, 'not a warning');
    assert.doesNotMatch(deviceTooltipMarkdown(DEVICE), /unmanaged/i);
  });

  it('says nothing of it for a device that did not finish', () => {
    const failed: DeviceSummary = { ...SCOPED, status: 'failed', error: 'boom' };
    assert.doesNotMatch(deviceTooltipMarkdown(failed), /Unmanaged/);
    assert.equal(deviceDescription(failed), 'boom');
  });
});
