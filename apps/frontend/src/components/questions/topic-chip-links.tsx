import type { Route } from 'next';
import { IntentLink } from '../intent-link';

/**
 * Each topic as a link to the list filtered by it, drawn as MUI's outlined,
 * clickable Chip on a plain link (like Tag, no runtime styling). The hrefs come
 * from the server page, so the question filters (and the contracts and zod
 * behind them) stay out of the browser's bundle for this page.
 */
export function TopicChipLinks({ topics }: { topics: readonly { slug: string; name: string; href: Route }[] }) {
  return topics.map((topic) => (
    <IntentLink
      key={topic.slug}
      href={topic.href}
      className="inline-flex h-8 max-w-full items-center whitespace-nowrap rounded-full border border-solid border-[color:var(--mui-palette-Chip-defaultBorder)] px-[11px] text-[0.8125rem] leading-none text-foreground no-underline transition-colors hover:bg-[color:var(--mui-palette-action-hover)] focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-primary"
    >
      <span className="overflow-hidden text-ellipsis">{topic.name}</span>
    </IntentLink>
  ));
}
