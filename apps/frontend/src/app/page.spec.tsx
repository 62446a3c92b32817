import { AppRouterContext, type AppRouterInstance } from 'next/dist/shared/lib/app-router-context.shared-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import HomePage from './page';

// The calls to action are next/link links, which need a router (a page's is Next's own).
const router = {} as AppRouterInstance;
const html = renderToStaticMarkup(
  <AppRouterContext.Provider value={router}>
    <HomePage />
  </AppRouterContext.Provider>,
);

function headingLevels(markup: string): number[] {
  return [...markup.matchAll(/<h([1-6])[\s>]/g)].map((match) => Number(match[1]));
}

describe('landing page', () => {
  it('has exactly one h1, and headings never skip a level', () => {
    const levels = headingLevels(html);
    expect(levels[0]).toBe(1);
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    levels.forEach((level, index) => {
      if (index > 0) expect(level).toBeLessThanOrEqual(levels[index - 1] + 1);
    });
  });

  it('says what PeerPrep is: topic and difficulty, live matching, a shared editor, history', () => {
    const text = html.replace(/<[^>]+>/g, ' ');
    expect(text).toMatch(/topic and a difficulty/i);
    expect(text).toMatch(/matched/i);
    expect(text).toMatch(/shared real-time editor/i);
    expect(text).toMatch(/history/i);
  });

  it('explains how it works in three ordered steps', () => {
    const steps = html.match(/<section id="how-it-works"[\s\S]*?<\/section>/)?.[0] ?? '';
    expect(steps.match(/<li[\s>]/g)).toHaveLength(3);
    expect(steps).toContain('<ol');
  });

  it('gives the room drawing a text alternative', () => {
    expect(html).toMatch(/role="img" aria-label="A PeerPrep room[^"]+"/);
  });

  it('links its calls to action to what a student does: sign up (then match), log in, browse questions', () => {
    const hrefs = [...html.matchAll(/<a [^>]*href="([^"]+)"/g)].map((match) => match[1].replace(/&amp;/g, '&'));
    expect(new Set(hrefs)).toEqual(new Set(['/signup?next=%2Fmatch', '/login?next=%2Fmatch', '/questions']));
  });

  it('describes what exists today, not a roadmap, and leaves the API docs to the footer', () => {
    const text = html.replace(/<[^>]+>/g, ' ');
    expect(text).not.toMatch(/arriving|coming soon|step by step|API/i);
    expect(text).toMatch(/chat/i);
    expect(text).toMatch(/question bank/i);
  });
});
