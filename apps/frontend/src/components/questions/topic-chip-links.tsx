'use client';

import Chip from '@mui/material/Chip';
import { IntentLink } from '../intent-link';
import type { Route } from 'next';

/**
 * Each topic as a link to the list filtered by it. A client component: a
 * server component cannot hand IntentLink to MUI as the `component` prop. The
 * hrefs come from the server page, so the question filters (and the contracts
 * and zod behind them) stay out of the browser's bundle for this page.
 */
export function TopicChipLinks({ topics }: { topics: readonly { slug: string; name: string; href: Route }[] }) {
  return topics.map((topic) => (
    <Chip
      key={topic.slug}
      label={topic.name}
      component={IntentLink}
      href={topic.href}
      clickable
      variant="outlined"
    />
  ));
}
