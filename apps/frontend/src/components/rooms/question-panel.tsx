import type { RoomQuestion } from '@peerprep/contracts';
import { Surface } from '../ui/surface';
import { Text } from '../ui/type';
import { signatureOf } from '../../lib/questions/signature';
import { DifficultyChip } from '../questions/difficulty-chip';
import { Tag } from '../ui/tag';
import { SafeMarkdown } from '../questions/safe-markdown';

/**
 * The question beside the editor: the same sanitised Markdown as the question
 * pages, no links away from the room. No hints: they are the interviewer's to
 * release (the room's question never carries them).
 */
export function QuestionPanel({ question }: { question: RoomQuestion }) {
  return (
    <Surface
      as="section"
      aria-labelledby="room-question-title"
      data-testid="room-question"
      className="flex min-h-0 flex-1 flex-col gap-4 overflow-y-auto rounded-2xl p-4 sm:p-5"
    >
      <div className="flex flex-col gap-2">
        <Text id="room-question-title" variant="h1" className="text-2xl">
          {question.title}
        </Text>
        <div className="flex flex-wrap items-center gap-2">
          <DifficultyChip difficulty={question.difficulty} />
          {question.topics.map((topic) => (
            <Tag key={topic.slug}>{topic.name}</Tag>
          ))}
        </div>
      </div>
      <SafeMarkdown>{question.statement}</SafeMarkdown>
      {question.examples.map((example, index) => (
        <div key={index} className="flex flex-col gap-1 rounded-xl border border-divider p-3 text-sm">
          <Text variant="subtitle2" as="h2" className="font-bold">
            Example {index + 1}
          </Text>
          <div>
            <span className="font-semibold text-muted">Input </span>
            <code className="whitespace-pre-wrap break-words font-mono">{example.input}</code>
          </div>
          <div>
            <span className="font-semibold text-muted">Output </span>
            <code className="whitespace-pre-wrap break-words font-mono">{example.output}</code>
          </div>
          {example.explanation ? <SafeMarkdown className="text-muted">{example.explanation}</SafeMarkdown> : null}
        </div>
      ))}
      {question.constraints.length > 0 ? (
        <div>
          <Text variant="subtitle2" as="h2" className="font-bold">
            Constraints
          </Text>
          <ul className="m-0 mt-1 list-disc space-y-1 pl-6 text-sm">
            {question.constraints.map((constraint, index) => (
              <li key={index}>
                <SafeMarkdown inline>{constraint}</SafeMarkdown>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Text as="p" className="text-sm text-muted">
        Define <code className="rounded bg-foreground/10 px-1 py-0.5 font-mono">{signatureOf(question.entryPoint)}</code>.
      </Text>
    </Surface>
  );
}
