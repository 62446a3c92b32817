'use client';

import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import ExpandMore from '@mui/icons-material/ExpandMore';
import type { ReactNode } from 'react';

/**
 * Hints stay folded until asked for: reading one too early spoils the practice.
 * Each hint comes rendered (SafeMarkdown) by the caller: on the question page
 * that happens on the server, so the Markdown pipeline (react-markdown, remark,
 * rehype) is not sent to the browser for the sake of this accordion.
 */
export function HintList({ hints }: { hints: readonly ReactNode[] }) {
  return (
    <div className="flex flex-col gap-2">
      {hints.map((hint, index) => (
        <Accordion key={index} disableGutters variant="outlined" className="rounded-xl before:hidden">
          <AccordionSummary expandIcon={<ExpandMore />} id={`hint-${index}-header`} aria-controls={`hint-${index}-content`}>
            <span className="font-semibold">Hint {index + 1}</span>
          </AccordionSummary>
          <AccordionDetails id={`hint-${index}-content`}>
            {hint}
          </AccordionDetails>
        </Accordion>
      ))}
    </div>
  );
}
