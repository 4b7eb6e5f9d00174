/**
 * Commands the device answers with a question (issue 9): each is a `confirmation-prompt` risk, and a
 * framed script (remediation/frame.ts) sends the answer on the next line, or leaves the command to the
 * operator when no fixed answer is safe. An unanswered prompt takes the script's next line as its
 * answer: that line is lost and the command is usually refused. A stray answer where the device did not
 * ask (a trustpoint that was never enrolled) is only rejected as an unknown command.
 *
 * Checked and left out (they do not ask): `no aaa new-model`, `default interface X`, `no crypto pki
 * server X`, `license boot level X` (IOS-XE smart licensing), `crypto key generate rsa ... modulus N`
 * (replaces existing keys without asking), NX-OS `hardware access-list tcam region` (warns only).
 * docs/safe-apply.md lists these with the prompts as the devices print them.
 */
import type { RiskRule } from './types';

/** Any line below a section (for `no certificate` inside a chain). */
const CERTIFICATE_CHAIN = { startswith: ['crypto pki certificate chain ', 'crypto ca certificate chain '] };

export const IOS_CONFIRMATION_PROMPTS: readonly RiskRule[] = [
  {
    // "% All keys will be removed. ... Do you really want to remove these keys? [yes/no]:"
    kind: 'confirmation-prompt',
    lineage: [{ re_search: '^crypto key zeroize(?: |$)' }],
    prompt: { asks: 'Do you really want to remove these keys? [yes/no]', answer: 'yes' },
  },
  {
    // "% Removing an enrolled trustpoint will destroy all certificates received from the related
    // Certificate Authority. Are you sure you want to do this? [yes/no]:"
    kind: 'confirmation-prompt',
    lineage: [{ re_search: '^no crypto (?:pki|ca) trustpoint ' }],
    prompt: { asks: 'Are you sure you want to do this? [yes/no]', answer: 'yes' },
  },
  {
    // Removing a whole chain asks once for its certificates (scripts that remove chains send `yes`).
    kind: 'confirmation-prompt',
    lineage: [{ re_search: '^no crypto (?:pki|ca) certificate chain ' }],
    prompt: { asks: 'Are you sure you want to remove the certificates? [yes/no]', answer: 'yes' },
  },
  {
    // Inside a chain: "% Are you sure you want to remove the certificate [yes/no]:"
    kind: 'confirmation-prompt',
    lineage: [CERTIFICATE_CHAIN, { startswith: 'no certificate ' }],
    prompt: { asks: 'Are you sure you want to remove the certificate [yes/no]', answer: 'yes' },
  },
  {
    // IOS-XE 16+: "This operation will remove all username related configurations with same name.Do
    // you want to continue? [confirm]": Enter confirms (an empty line), any other key cancels.
    kind: 'confirmation-prompt',
    lineage: [{ startswith: 'no username ' }],
    prompt: { asks: 'Do you want to continue? [confirm]', answer: '' },
  },
  {
    // Without `modulus N`: "% Do you really want to replace them? [yes/no]" when keys exist, then "How
    // many bits in the modulus [512]:": the size is the operator's choice. (IOS drops this line on load,
    // so only a rule of the user's or a script read back from text brings it here.)
    kind: 'confirmation-prompt',
    lineage: [{ re_search: '^crypto key generate rsa(?!.* modulus \\d)' }],
    prompt: { asks: 'How many bits in the modulus [512]' },
  },
  {
    // ISR G2 technology packages: the end-user licence agreement, "ACCEPT? [yes/no]": the operator's
    // to accept, never a script's.
    kind: 'confirmation-prompt',
    lineage: [{ startswith: 'license boot module ' }],
    prompt: { asks: 'ACCEPT? [yes/no] (end-user licence agreement)' },
  },
];

export const NXOS_CONFIRMATION_PROMPTS: readonly RiskRule[] = [
  {
    // "This operation can cause disruption of control traffic. Proceed (y/n)? [no]"
    kind: 'confirmation-prompt',
    lineage: [{ startswith: 'copp profile ' }],
    prompt: {
      asks: 'This operation can cause disruption of control traffic. Proceed (y/n)? [no]',
      answer: 'y',
    },
  },
  {
    // "This will delete all configs on vlans N-M. Continue anyway? (y/n) [no]"
    kind: 'confirmation-prompt',
    lineage: [{ re_search: '^system vlan \\d+ reserve$' }],
    prompt: { asks: 'This will delete all configs on vlans ... Continue anyway? (y/n) [no]', answer: 'y' },
  },
  {
    // Admin VDC: "Deleting this vdc will remove its config. Continue deleting this vdc (y/n)? [no]"
    kind: 'confirmation-prompt',
    lineage: [{ startswith: 'no vdc ' }],
    prompt: { asks: 'Continue deleting this vdc (y/n)? [no]', answer: 'y' },
  },
];
