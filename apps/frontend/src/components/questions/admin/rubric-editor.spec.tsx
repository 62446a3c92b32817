import { renderToStaticMarkup } from 'react-dom/server';
import type { RubricCriterionForm } from '../../../lib/questions/question-form';
import { RubricEditor } from './rubric-editor';

const criteria: RubricCriterionForm[] = [
  { id: 'problem-solving', title: 'Problem solving', description: 'Reaches a correct solution.', idFollowsTitle: false },
  { id: 'edge-cases', title: 'Edge cases', description: '', idFollowsTitle: true },
];

/** The opening tag of the button labelled `label` (by aria-label, else by its text). */
function button(html: string, label: string): string {
  const byAria = new RegExp(`<button[^>]*aria-label="${label}"[^>]*>`).exec(html);
  if (byAria) return byAria[0];
  const textAt = html.indexOf(`${label}</button>`);
  return html.slice(html.lastIndexOf('<button', textAt), html.indexOf('>', html.lastIndexOf('<button', textAt)) + 1);
}
const isDisabled = (tag: string) => / disabled=""/.test(tag);

function render(value: RubricCriterionForm[], errors: Record<string, string> = {}): string {
  return renderToStaticMarkup(<RubricEditor value={value} onChange={() => undefined} errors={errors} clearError={() => undefined} />);
}

describe('the Rubric section of the question editor', () => {
  it('shows each criterion with its title, id and description, and the buttons to reorder, remove and add', () => {
    const html = render(criteria);
    expect(html).toContain('Rubric');
    expect(html).toContain('never shown to the candidate');
    for (const label of ['Criterion 1 name', 'Criterion 1 id', 'Criterion 2 description', 'Move criterion 2 up', 'Remove criterion 1']) {
      expect(html).toContain(label);
    }
    expect(html).toContain('value="problem-solving"');
    expect(html).toContain('From the title');
    // The first cannot move up, the last cannot move down.
    expect(isDisabled(button(html, 'Move criterion 1 up'))).toBe(true);
    expect(isDisabled(button(html, 'Move criterion 1 down'))).toBe(false);
    expect(isDisabled(button(html, 'Move criterion 2 up'))).toBe(false);
    expect(isDisabled(button(html, 'Move criterion 2 down'))).toBe(true);
    expect(isDisabled(button(html, 'Add criterion'))).toBe(false);
    expect(isDisabled(button(html, 'Remove criterion 1'))).toBe(false);
  });

  it('shows the API\'s message at the field it names, and at the section for the whole list', () => {
    const html = render(criteria, { 'rubric.1.id': 'Criterion id "problem-solving" is used twice', rubric: 'Too big: expected array to have <=8 items' });
    expect(html).toContain('Criterion id &quot;problem-solving&quot; is used twice');
    expect(html).toContain('Too big: expected array to have &lt;=8 items');
  });

  it('allows no ninth criterion and no removing the last one', () => {
    const eight = Array.from({ length: 8 }, (_, index) => ({ ...criteria[0], id: `c${index}` }));
    expect(isDisabled(button(render(eight), 'Add criterion'))).toBe(true);
    expect(isDisabled(button(render([criteria[0]]), 'Remove criterion 1'))).toBe(true);
  });
});
