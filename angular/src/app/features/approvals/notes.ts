/** Notes the server puts on steps, tasks and previewed approvers, each with a translation (approvals.note.*). */
export const KNOWN_NOTES = [
  'dedupe', 'escalated', 'timeout', 'fallback', 'step-decided', 'approval-ended', 'submitter-skipped', 'condition-not-met', 'nobody-resolved', 'delegated',
] as const;

export interface NoteLabel {
  /** Translation key, or null for a note the portal does not know (shown as the server wrote it). */
  key: string | null;
  params: Record<string, string>;
  raw: string;
}

/** "fallback, delegated:张伟" → fallback + delegated (to 张伟). */
export function noteLabels(note: string | null | undefined): NoteLabel[] {
  if (!note) return [];
  return note
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n.length > 0)
    .map((raw) => {
      const [name, ...rest] = raw.split(':');
      const known = (KNOWN_NOTES as readonly string[]).includes(name);
      return { key: known ? `approvals.note.${name}` : null, params: { name: rest.join(':') }, raw };
    });
}
