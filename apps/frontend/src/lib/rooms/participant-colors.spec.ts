import { cssStringLiteral, participantColor, PARTICIPANT_COLORS, remoteCursorCss } from './participant-colors';

describe('participantColor', () => {
  it('gives each position a fixed, distinct colour and wraps around', () => {
    expect(participantColor(0)).toBe(PARTICIPANT_COLORS[0]);
    expect(participantColor(1)).not.toBe(participantColor(0));
    expect(participantColor(PARTICIPANT_COLORS.length)).toBe(PARTICIPANT_COLORS[0]);
    expect(participantColor(-1)).toBe(PARTICIPANT_COLORS[PARTICIPANT_COLORS.length - 1]);
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
