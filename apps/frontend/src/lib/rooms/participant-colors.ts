/**
 * Cursor and name-label colours, fixed by the participant's position in the
 * room, so both screens show each person in the same colour. Dark enough for
 * white label text on either theme.
 */
export const PARTICIPANT_COLORS = ['#1d4ed8', '#be185d', '#047857', '#b45309'] as const;

/**
 * The same hues, light enough for text on the dark scheme's surfaces (each at
 * least 4.5:1 on #0b1020 and #131a2e); the colours above are the text colours
 * on the light scheme (each at least 4.5:1 on white and #f8fafc).
 */
export const PARTICIPANT_COLORS_ON_DARK = ['#93c5fd', '#f9a8d4', '#6ee7b7', '#fcd34d'] as const;

function wrap(index: number): number {
  const size = PARTICIPANT_COLORS.length;
  return ((index % size) + size) % size;
}

export function participantColor(index: number): string {
  return PARTICIPANT_COLORS[wrap(index)];
}

/** A participant's name as text (the chat): one colour per scheme, both readable. */
export interface ParticipantTextColors {
  light: string;
  dark: string;
}

export function participantTextColors(index: number): ParticipantTextColors {
  return { light: PARTICIPANT_COLORS[wrap(index)], dark: PARTICIPANT_COLORS_ON_DARK[wrap(index)] };
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
