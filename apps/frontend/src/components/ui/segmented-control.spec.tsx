import { renderToStaticMarkup } from 'react-dom/server';
import { SegmentedControl } from './segmented-control';

const segments = [
  { value: 30, label: '30 min' },
  { value: 45, label: '45 min' },
  { value: 60, label: '60 min' },
] as const;

describe('SegmentedControl', () => {
  it('is a row of buttons with the chosen one pressed', () => {
    const html = renderToStaticMarkup(<SegmentedControl segments={segments} value={45} onChange={() => undefined} />);
    expect([...html.matchAll(/<button type="button" aria-pressed="(true|false)"[^>]*>([^<]*)</g)].map((m) => [m[2], m[1]])).toEqual([
      ['30 min', 'false'],
      ['45 min', 'true'],
      ['60 min', 'false'],
    ]);
  });

  it('presses none before a choice is made', () => {
    const html = renderToStaticMarkup(<SegmentedControl segments={segments} value={null} onChange={() => undefined} />);
    expect(html).not.toContain('aria-pressed="true"');
  });
});
