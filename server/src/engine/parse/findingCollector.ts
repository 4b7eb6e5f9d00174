import type { Finding, FindingCode, Range, Severity } from '../model/types';

/**
 * A finding code stops being listed after this many: a file of 100,000 identical lines must not
 * produce 100,000 diagnostics. One `too-many-findings` finding says how many were left out.
 */
export const MAX_FINDINGS_PER_CODE = 200;

export class FindingCollector {
  private readonly findings: Finding[] = [];
  private readonly counts = new Map<FindingCode, number>();
  private readonly firstOmitted = new Map<FindingCode, Range>();

  add(code: FindingCode, severity: Severity, message: string, range: Range, relatedLine?: number): void {
    const count = (this.counts.get(code) ?? 0) + 1;
    this.counts.set(code, count);
    if (count > MAX_FINDINGS_PER_CODE) {
      if (!this.firstOmitted.has(code)) this.firstOmitted.set(code, range);
      return;
    }
    this.findings.push(
      relatedLine === undefined
        ? { code, severity, message, range }
        : { code, severity, message, range, relatedLine },
    );
  }

  /** Whether any finding of `code` was added. */
  has(code: FindingCode): boolean {
    return this.counts.has(code);
  }

  /** All findings in line order (stable for findings on the same line). */
  result(): Finding[] {
    for (const [code, range] of this.firstOmitted) {
      const omitted = (this.counts.get(code) ?? 0) - MAX_FINDINGS_PER_CODE;
      this.findings.push({
        code: 'too-many-findings',
        severity: 'info',
        message: `${omitted} more \`${code}\` findings are not listed (only the first ${MAX_FINDINGS_PER_CODE} are); the first of them is here.`,
        range,
      });
    }
    this.firstOmitted.clear();
    return this.findings.sort(
      (a, b) => a.range.startLine - b.range.startLine || a.range.startColumn - b.range.startColumn,
    );
  }
}

export function lineRange(line: number, startColumn: number, endColumn: number): Range {
  return { startLine: line, startColumn, endLine: line, endColumn };
}
