import type { Difficulty } from '@peerprep/contracts';
import Chip from '@mui/material/Chip';
import { DIFFICULTY_LABELS } from '../../lib/questions/labels';

const COLORS = { EASY: 'success', MEDIUM: 'warning', HARD: 'error' } as const;

/** Easy / Medium / Hard in the colours every question site uses. */
export function DifficultyChip({ difficulty, size = 'small' }: { difficulty: Difficulty; size?: 'small' | 'medium' }) {
  return <Chip label={DIFFICULTY_LABELS[difficulty]} color={COLORS[difficulty]} size={size} variant="outlined" className="font-semibold" />;
}
