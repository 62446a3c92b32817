import ReactMarkdown, { type Components } from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';

/**
 * Element styles for Markdown output. Tailwind has reset every element, and
 * statements are written by admins, so each tag gets a plain, readable look.
 */
const components: Components = {
  p: ({ node: _node, ...props }) => <p className="my-3 leading-relaxed first:mt-0 last:mb-0" {...props} />,
  h1: ({ node: _node, ...props }) => <h3 className="mb-2 mt-5 text-xl font-bold" {...props} />,
  h2: ({ node: _node, ...props }) => <h3 className="mb-2 mt-5 text-lg font-bold" {...props} />,
  h3: ({ node: _node, ...props }) => <h4 className="mb-2 mt-4 text-base font-bold" {...props} />,
  ul: ({ node: _node, ...props }) => <ul className="my-3 list-disc space-y-1 pl-6" {...props} />,
  ol: ({ node: _node, ...props }) => <ol className="my-3 list-decimal space-y-1 pl-6" {...props} />,
  blockquote: ({ node: _node, ...props }) => (
    <blockquote className="my-3 border-l-4 border-divider pl-4 text-muted" {...props} />
  ),
  pre: ({ node: _node, ...props }) => (
    <pre
      className="my-3 overflow-x-auto rounded-lg border border-divider bg-foreground/5 p-3 font-mono text-sm [&>code]:bg-transparent [&>code]:p-0"
      {...props}
    />
  ),
  code: ({ node: _node, ...props }) => <code className="rounded bg-foreground/10 px-1 py-0.5 font-mono text-[0.9em]" {...props} />,
  // Statements come from admins, links lead off-site: no referrer, no opener, no endorsement.
  a: ({ node: _node, ...props }) => (
    <a className="text-primary underline" target="_blank" rel="noopener noreferrer nofollow" {...props} />
  ),
  table: ({ node: _node, ...props }) => (
    <div className="my-3 overflow-x-auto">
      <table className="border-collapse text-sm" {...props} />
    </div>
  ),
  th: ({ node: _node, ...props }) => <th className="border border-divider px-3 py-1 text-left font-semibold" {...props} />,
  td: ({ node: _node, ...props }) => <td className="border border-divider px-3 py-1" {...props} />,
  img: ({ node: _node, alt, ...props }) => (
    // Remote images in a statement: no layout shift control is worth next/image here.
    // eslint-disable-next-line @next/next/no-img-element
    <img alt={alt ?? ''} loading="lazy" referrerPolicy="no-referrer" className="my-3 max-w-full" {...props} />
  ),
};

interface MarkdownNode {
  type: string;
  value?: string;
  children?: MarkdownNode[];
}

/**
 * Raw HTML in a statement is shown as the characters the admin typed, so a
 * stray `<b>` or an attempted `<script>` is visible in the preview instead of
 * silently vanishing; as text it can never become an element.
 */
const BLOCK_CONTAINERS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

function remarkHtmlAsText() {
  const walk = (node: MarkdownNode) => {
    node.children = node.children?.map((child) => {
      if (child.type !== 'html') return child;
      const text = { type: 'text', value: child.value ?? '' };
      // A block of HTML becomes a paragraph of text, so it is spaced like one.
      return BLOCK_CONTAINERS.has(node.type) ? { type: 'paragraph', children: [text] } : text;
    });
    node.children?.forEach(walk);
  };
  return (tree: MarkdownNode) => walk(tree);
}

/** Inline use (a constraint, a hint): no paragraph margins. */
const inlineComponents: Components = {
  ...components,
  p: ({ node: _node, ...props }) => <span {...props} />,
};

/**
 * Renders Markdown written by admins (question statements, hints) as React
 * elements, never as an HTML string: raw HTML in the source is shown as text,
 * and rehype-sanitize (GitHub's allow-list) removes whatever
 * else could run script (event handlers, `javascript:` URLs, unknown tags)
 * before anything reaches React. Safe on the server and in the browser (the
 * admin form's live preview uses the same component).
 */
export function SafeMarkdown({ children, inline = false, className }: { children: string; inline?: boolean; className?: string }) {
  const Wrapper = inline ? 'span' : 'div';
  return (
    <Wrapper className={className}>
      <ReactMarkdown remarkPlugins={[remarkGfm, remarkHtmlAsText]} rehypePlugins={[rehypeSanitize]} components={inline ? inlineComponents : components}>
        {children}
      </ReactMarkdown>
    </Wrapper>
  );
}
