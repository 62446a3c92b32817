/**
 * Cursor and name-label colours, fixed by the participant's position in the
 * room, so both screens show each person in the same colour. Dark enough for
 * white label text on either theme.
 */
export const PARTICIPANT_COLORS = ['#1d4ed8', '#be185d', '#047857', '#b45309'] as const;

export function participantColor(index: number): string {
  const size = PARTICIPANT_COLORS.length;
  return PARTICIPANT_COLORS[((index % size) + size) % size];
}

export interface RemoteCursorStyle {
  clientId: number;
  color: string;
  name: string;
}

/**
 * A CSS string literal for any text: every character outside a small safe set
 * becomes a hex escape, so a display name can neither end the string nor the
 * rule, nor close the <style> element it is written into.
 */
export function cssStringLiteral(text: string): string {
  let escaped = '';
  for (const char of text) {
    escaped += /[A-Za-z0-9 _.-]/.test(char) ? char : `\\${(char.codePointAt(0) ?? 0xfffd).toString(16)} `;
  }
  return `"${escaped}"`;
}

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/**
 * Styles for y-monaco's per-client decoration classes: the selection tinted
 * with the peer's colour, a caret in it, and the name on a label above.
 * Entries with a malformed id or colour are skipped.
 */
export function remoteCursorCss(cursors: readonly RemoteCursorStyle[]): string {
  return cursors
    .filter((cursor) => Number.isSafeInteger(cursor.clientId) && cursor.clientId >= 0 && HEX_COLOR.test(cursor.color))
    .map(({ clientId, color, name }) =>
      [
        `.yRemoteSelection-${clientId} { background-color: ${color}40; }`,
        `.yRemoteSelectionHead-${clientId} { position: absolute; height: 100%; box-sizing: border-box; border-left: 2px solid ${color}; }`,
        `.yRemoteSelectionHead-${clientId}::after { content: ${cssStringLiteral(name)}; position: absolute; left: -2px; top: -1.35em; padding: 0 4px; border-radius: 3px 3px 3px 0; background: ${color}; color: #fff; font: 600 11px/1.35em system-ui, sans-serif; white-space: nowrap; pointer-events: none; z-index: 10; }`,
      ].join('\n'),
    )
    .join('\n');
}
