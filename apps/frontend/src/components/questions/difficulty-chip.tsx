import type { Difficulty } from '@peerprep/contracts';
import { DIFFICULTY_LABELS } from '../../lib/questions/labels';
import { Tag } from '../ui/tag';

const TONES = { EASY: 'success', MEDIUM: 'warning', HARD: 'error' } as const;

/** Easy / Medium / Hard in the colours every question site uses. */
export function DifficultyChip({ difficulty, size = 'small' }: { difficulty: Difficulty; size?: 'small' | 'medium' }) {
  return (
    <Tag tone={TONES[difficulty]} size={size} className="font-semibold">
      {DIFFICULTY_LABELS[difficulty]}
    </Tag>
  );
}
