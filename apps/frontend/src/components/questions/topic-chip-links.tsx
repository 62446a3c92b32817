'use client';

import type { Topic } from '@peerprep/contracts';
import Chip from '@mui/material/Chip';
import { IntentLink } from '../intent-link';
import { DEFAULT_FILTERS, questionsHref } from '../../lib/questions/filters';

/**
 * Each topic as a link to the list filtered by it. A client component: a
 * server component cannot hand IntentLink to MUI as the `component` prop.
 */
export function TopicChipLinks({ topics }: { topics: readonly Topic[] }) {
  return topics.map((topic) => (
    <Chip
      key={topic.slug}
      label={topic.name}
      component={IntentLink}
      href={questionsHref({ ...DEFAULT_FILTERS, topics: [topic.slug] })}
      clickable
      variant="outlined"
    />
  ));
}
