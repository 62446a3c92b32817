import { renderToStaticMarkup } from 'react-dom/server';
import { ReferenceSolutionsEditor } from './reference-solutions-editor';

jest.mock('../../auth/auth-provider', () => ({ useAuth: () => ({ request: jest.fn() }) }));

const solutions = { javascript: 'function add(a, b) { return a + b; }', typescript: '', python: 'def add(a, b):\n    return a + b\n', java: '', cpp: '' };

function render(questionId?: string, errors: Record<string, string> = {}): string {
  return renderToStaticMarkup(
    <ReferenceSolutionsEditor value={solutions} onChange={() => undefined} errors={errors} clearError={() => undefined} questionId={questionId} />,
  );
}

describe('the Reference solutions section of the question editor', () => {
  it('has a tab per language, marking those with code, and the code of the language shown', () => {
    const html = render();
    expect(html).toContain('Reference solutions');
    expect(html).toContain('JavaScript ✓');
    expect(html).toContain('Python ✓');
    expect(html).toMatch(/>Java</);
    expect(html).toContain('function add(a, b) { return a + b; }');
  });

  it('runs only a saved question: the button is disabled until then, and says why', () => {
    const unsaved = render();
    expect(unsaved).toMatch(/<button[^>]*\sdisabled=""[^>]*>Run against all tests/);
    expect(unsaved).toContain('Save the question first');
    const saved = render('0b0c1a56-1a64-4a8e-9bd5-6a3a4b0f2f11');
    expect(saved).not.toMatch(/<button[^>]*\sdisabled=""[^>]*>Run against all tests/);
    expect(saved).toContain('against every test of the saved question');
  });

  it("marks a language's tab and shows its message when its code was refused", () => {
    const html = render(undefined, { 'referenceSolutions.javascript': 'Too big: expected string to have <=20000 characters' });
    expect(html).toContain('JavaScript ⚠');
    expect(html).toContain('Too big: expected string to have &lt;=20000 characters');
  });
});
