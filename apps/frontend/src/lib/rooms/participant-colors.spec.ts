import {
  cssStringLiteral,
  participantColor,
  PARTICIPANT_COLORS,
  PARTICIPANT_COLORS_ON_DARK,
  participantTextColors,
  remoteCursorCss,
} from './participant-colors';

/** WCAG 2.x contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((at) => {
      const c = parseInt(hex.slice(at, at + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

describe('participantColor', () => {
  it('gives each position a fixed, distinct colour and wraps around', () => {
    expect(participantColor(0)).toBe(PARTICIPANT_COLORS[0]);
    expect(participantColor(1)).not.toBe(participantColor(0));
    expect(participantColor(PARTICIPANT_COLORS.length)).toBe(PARTICIPANT_COLORS[0]);
    expect(participantColor(-1)).toBe(PARTICIPANT_COLORS[PARTICIPANT_COLORS.length - 1]);
  });
});

describe('participantTextColors', () => {
  it('pairs each participant colour with a lighter one of the same position for the dark scheme', () => {
    expect(participantTextColors(1)).toEqual({ light: PARTICIPANT_COLORS[1], dark: PARTICIPANT_COLORS_ON_DARK[1] });
    expect(participantTextColors(-1)).toEqual(participantTextColors(PARTICIPANT_COLORS.length - 1));
  });

  it('keeps names readable (4.5:1) on both schemes\' backgrounds, and white cursor labels readable on the cursor colours', () => {
    for (const color of PARTICIPANT_COLORS) {
      for (const background of ['#ffffff', '#f8fafc']) expect(contrast(color, background)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(color, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    }
    for (const color of PARTICIPANT_COLORS_ON_DARK) {
      for (const background of ['#0b1020', '#131a2e']) expect(contrast(color, background)).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('cssStringLiteral', () => {
  it('keeps plain names readable', () => {
    expect(cssStringLiteral('Ada Lovelace')).toBe('"Ada Lovelace"');
  });

  it('escapes anything that could end the string, the rule or the style element', () => {
    const literal = cssStringLiteral('x"; } body { display:none } </style><script>');
    expect(literal.slice(1, -1)).not.toMatch(/["{}<>;:/]/);
    expect(literal).toContain('\\22 ');
    expect(cssStringLiteral('Zoë 😀')).toBe('"Zo\\eb  \\1f600 "');
  });
});

describe('remoteCursorCss', () => {
  it('styles the selection and the caret of each remote client with its colour and a name label', () => {
    const css = remoteCursorCss([{ clientId: 42, color: '#be185d', name: 'Bob' }]);
    expect(css).toContain('.yRemoteSelection-42 { background-color: #be185d40; }');
    expect(css).toContain('.yRemoteSelectionHead-42 {');
    expect(css).toContain('border-left: 2px solid #be185d');
    expect(css).toMatch(/\.yRemoteSelectionHead-42::after \{ content: "Bob";/);
  });

  it('skips entries whose id or colour could inject CSS', () => {
    expect(remoteCursorCss([{ clientId: 1.5, color: '#be185d', name: 'x' }])).toBe('');
    expect(remoteCursorCss([{ clientId: 1, color: 'red; } * { color: red', name: 'x' }])).toBe('');
  });
});
