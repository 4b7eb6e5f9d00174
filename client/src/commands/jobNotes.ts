/**
 * A job's comment and ticket reference: passed by the caller (tests, other extensions, "Run Again"),
 * or asked for in two optional input boxes — Enter skips one, Escape abandons the start.
 */
import * as vscode from 'vscode';

export interface JobNotes {
  readonly comment?: string;
  readonly ticket_ref?: string;
}

/** Options a start command accepts as its argument; given at all, nothing is asked. */
export interface StartOptions extends JobNotes {
  /** Explicit device files for Run on Selected Files (absolute paths). */
  readonly files?: readonly {
    running: string;
    intended: string;
    device_id?: string;
    folder?: string;
  }[];
}

export function isStartOptions(value: unknown): value is StartOptions {
  if (typeof value !== 'object' || value === null || value instanceof vscode.Uri) return false;
  return !('kind' in value) && !('uri' in value && 'index' in value);
}

function clean(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

/** The notes from `options`, else asked for; undefined when the user pressed Escape. */
export async function jobNotes(
  title: string,
  options: StartOptions | undefined,
): Promise<JobNotes | undefined> {
  if (options !== undefined)
    return { comment: clean(options.comment), ticket_ref: clean(options.ticket_ref) };
  const comment = await vscode.window.showInputBox({
    title: `${title} (1/2)`,
    prompt: 'A comment for this job, shown in the Jobs view and kept with its results (optional)',
    placeHolder: 'e.g. nightly drift check — press Enter to skip',
    ignoreFocusOut: true,
  });
  if (comment === undefined) return undefined;
  const ticket = await vscode.window.showInputBox({
    title: `${title} (2/2)`,
    prompt: 'A ticket or change reference (optional)',
    placeHolder: 'e.g. CHG-1042 — press Enter to skip',
    ignoreFocusOut: true,
  });
  if (ticket === undefined) return undefined;
  return { comment: clean(comment), ticket_ref: clean(ticket) };
}
