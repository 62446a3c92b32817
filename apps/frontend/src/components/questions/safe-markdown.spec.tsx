import { renderToStaticMarkup } from 'react-dom/server';
import { SafeMarkdown } from './safe-markdown';

function render(markdown: string, inline = false): string {
  return renderToStaticMarkup(<SafeMarkdown inline={inline}>{markdown}</SafeMarkdown>);
}

describe('SafeMarkdown', () => {
  it('renders Markdown (emphasis, code, lists, GFM tables) as elements', () => {
    const html = render('Return **the sum** of `nums`.\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |');
    expect(html).toContain('<strong>the sum</strong>');
    expect(html).toMatch(/<code[^>]*>nums<\/code>/);
    expect(html).toMatch(/<li>one<\/li>/);
    expect(html).toMatch(/<td[^>]*>2<\/td>/);
  });

  it('never emits a script element from a <script> in the statement', () => {
    const html = render('Before\n\n<script>window.__xss=1</script>\n\nAfter <script>alert(1)</script>');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;window.__xss=1&lt;/script&gt;');
    expect(html).toContain('Before');
    expect(html).toContain('After');
  });

  it('never emits an element with an event handler from raw HTML (it stays visible as text)', () => {
    const html = render('<img src=x onerror="window.__xss=2">\n\ntext <img src="y" onload="window.__xss=3"/>');
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<[^>]*\son(error|load)=/i);
    expect(html).toContain('&lt;img src=x onerror=');
  });

  it('neutralises javascript: links and images written in Markdown', () => {
    const html = render('[click](javascript:alert(1)) ![pic](javascript:alert(2)) [ok](https://example.com)');
    expect(html).not.toMatch(/javascript:/i);
    expect(html).toContain('href="https://example.com"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
  });

  it('keeps inline rendering free of block paragraphs', () => {
    expect(render('`1 <= n`', true)).not.toContain('<p');
  });
});
