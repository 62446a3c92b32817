import { renderToStaticMarkup } from 'react-dom/server';
import { FeedbackDetails } from './feedback-details';
import { ScoreChoice } from './score-choice';

const criterion = { id: 'testing', title: 'Testing', description: 'Checks edge cases they pick themselves.' };

function render(value: number | undefined, error?: string): string {
  return renderToStaticMarkup(<ScoreChoice criterion={criterion} value={value} error={error} onChange={() => undefined} />);
}

/** The element whose id `attribute` (aria-labelledby, aria-describedby) names first. */
function textOfIdIn(html: string, attribute: string): string[] {
  const ids = new RegExp(`${attribute}="([^"]+)"`).exec(html)?.[1].split(' ') ?? [];
  return ids.map((id) => new RegExp(`id="${id}"[^>]*>([^<]*)<`).exec(html)?.[1] ?? '');
}

describe('ScoreChoice', () => {
  it('is a radiogroup named by the criterion and described by its description, with 1–4 in words', () => {
    const html = render(undefined);
    expect(html).toContain('role="radiogroup"');
    expect(textOfIdIn(html, 'aria-labelledby')).toEqual(['Testing']);
    expect(textOfIdIn(html, 'aria-describedby')).toEqual(['Checks edge cases they pick themselves.']);
    const labels = [...html.matchAll(/<label[^>]*><input[^>]*\/>([^<]*)<\/label>/g)].map((match) => match[1]);
    expect(labels).toEqual(['1 Needs work', '2 Fair', '3 Good', '4 Strong']);
    expect(html).not.toContain('checked=""');
    expect(html).not.toContain('aria-invalid');
  });

  it('checks the chosen score only', () => {
    const html = render(3);
    const checked = [...html.matchAll(/<input[^>]*>/g)].filter((match) => /checked=""/.test(match[0])).map((match) => /value="(\d)"/.exec(match[0])?.[1]);
    expect(checked).toEqual(['3']);
  });

  it('shows an error at the criterion and ties it to the group', () => {
    const html = render(undefined, 'Choose a score for Testing.');
    expect(html).toContain('aria-invalid="true"');
    expect(textOfIdIn(html, 'aria-describedby')).toEqual(['Checks edge cases they pick themselves.', 'Choose a score for Testing.']);
  });
});

describe('FeedbackDetails', () => {
  it('lists each criterion with its score in words, then the comment', () => {
    const html = renderToStaticMarkup(
      <FeedbackDetails
        label="The scores you received"
        feedback={{
          round: 2,
          questionId: '00000000-0000-4000-8000-000000000001',
          scores: [
            { criterionId: 'testing', title: 'Testing', score: 2 },
            { criterionId: 'communication', title: 'Communication', score: 4 },
          ],
          comment: 'Talk through the edge cases.',
          submittedAt: '2026-12-01T10:00:00.000Z',
        }}
      />,
    );
    expect([...html.matchAll(/<dt[^>]*>([^<]*)<\/dt><dd[^>]*>([^<]*)<\/dd>/g)].map((match) => `${match[1]}: ${match[2]}`)).toEqual([
      'Testing: 2 Fair',
      'Communication: 4 Strong',
    ]);
    expect(html).toContain('Talk through the edge cases.');
    expect(html).not.toContain('No comment.');
  });
});
