'use client';

import IconButton from '@mui/material/IconButton';
import ArrowDownward from '@mui/icons-material/ArrowDownward';
import ArrowUpward from '@mui/icons-material/ArrowUpward';

/** Up and down for one row of an ordered list of the form (`label` names the row: "hint 2"). */
export function ReorderButtons({ label, index, count, onMove }: { label: string; index: number; count: number; onMove(to: number): void }) {
  return (
    <>
      <IconButton aria-label={`Move ${label} up`} disabled={index === 0} onClick={() => onMove(index - 1)}>
        <ArrowUpward />
      </IconButton>
      <IconButton aria-label={`Move ${label} down`} disabled={index === count - 1} onClick={() => onMove(index + 1)}>
        <ArrowDownward />
      </IconButton>
    </>
  );
}
