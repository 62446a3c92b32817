import { renderToStaticMarkup } from 'react-dom/server';
import { PageNav } from './page-nav';

const labels = (html: string) => [...html.matchAll(/aria-label="([^"]*)"/g)].map((match) => match[1]);

describe('PageNav', () => {
  it('names every button as MUI Pagination did, marks the current page and disables the way out at an end', () => {
    const html = renderToStaticMarkup(<PageNav count={3} page={1} onChange={() => undefined} />);
    expect(labels(html)).toEqual(['pagination navigation', 'Go to previous page', 'Page 1', 'Go to page 2', 'Go to page 3', 'Go to next page']);
    expect(html).toMatch(/aria-label="Page 1" aria-current="page"/);
    expect(html).toMatch(/aria-label="Go to previous page" disabled=""/);
    expect(html).not.toMatch(/aria-label="Go to next page" disabled/);
  });

  it('shows the first, the last and the pages around the current one, with ellipses between', () => {
    const html = renderToStaticMarkup(<PageNav count={20} page={10} onChange={() => undefined} />);
    expect(labels(html).filter((label) => /page \d+|Page \d+/.test(label))).toEqual([
      'Go to page 1',
      'Go to page 9',
      'Page 10',
      'Go to page 11',
      'Go to page 20',
    ]);
    expect(html.match(/…/g)).toHaveLength(2);
  });

  it('names the list it pages when a page has several', () => {
    const html = renderToStaticMarkup(<PageNav count={2} page={2} noun="submissions" onChange={() => undefined} />);
    expect(labels(html)).toEqual(['submissions pages', 'Go to previous page of submissions', 'Go to submissions page 1', 'submissions page 2', 'Go to next page of submissions']);
  });
});
