import { LANGUAGES } from '@peerprep/contracts/constants';
import type { Question } from '@peerprep/contracts';
import { Surface } from '../ui/surface';
import { Text } from '../ui/type';
import { IntentLink } from '../intent-link';
import type { ReactNode } from 'react';
import { DEFAULT_FILTERS, editQuestionHref, questionsHref } from '../../lib/questions/filters';
import { signatureOf } from '../../lib/questions/signature';
import { PracticeEntry } from '../practice/practice-entry';
import { AdminEditLink } from './admin-edit-link';
import { DifficultyChip } from './difficulty-chip';
import { SafeMarkdown } from './safe-markdown';
import { StarterCodeTabs } from './starter-code-tabs';
import { TopicChipLinks } from './topic-chip-links';

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `section-${title.toLowerCase().replace(/\s+/g, '-')}`;
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3">
      <Text id={id} variant="h2" className="text-xl font-bold">
        {title}
      </Text>
      {children}
    </section>
  );
}

function Labelled({ label, children }: { label: string; children: string }) {
  return (
    <div className="flex flex-col gap-1 sm:flex-row sm:gap-3">
      <span className="w-24 shrink-0 text-sm font-semibold text-muted">{label}</span>
      <code className="whitespace-pre-wrap break-words font-mono text-sm">{children}</code>
    </div>
  );
}

/**
 * The question page's body, a server component; the statement and constraints
 * are Markdown, rendered sanitised here. Its client parts get plain props
 * (hrefs, the language list), so none of them pulls the Markdown pipeline or
 * the contracts into the browser. Hints are not here: they are interviewer
 * material, which the public read never carries (admins edit them in the
 * question editor).
 */
export function QuestionDetail({ question }: { question: Question }) {
  return (
    <article className="mx-auto w-full max-w-4xl px-4 py-10 sm:px-6" aria-labelledby="question-title">
      <IntentLink href="/questions" className="text-sm text-muted no-underline hover:text-primary hover:underline">
        ← All questions
      </IntentLink>
      <div className="mt-3 flex flex-wrap items-start justify-between gap-3">
        <Text id="question-title" variant="h1" className="text-3xl sm:text-4xl">
          {question.title}
        </Text>
        <AdminEditLink href={editQuestionHref(question.slug)} />
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <DifficultyChip difficulty={question.difficulty} size="medium" />
        <TopicChipLinks
          topics={question.topics.map((topic) => ({ ...topic, href: questionsHref({ ...DEFAULT_FILTERS, topics: [topic.slug] }) }))}
        />
      </div>

      <div className="mt-8 flex flex-col gap-8">
        <Surface className="rounded-2xl p-5 sm:p-6" data-testid="question-statement">
          <SafeMarkdown>{question.statement}</SafeMarkdown>
        </Surface>

        {question.examples.length > 0 ? (
          <Section title="Examples">
            {question.examples.map((example, index) => (
              <Surface key={index} className="flex flex-col gap-2 rounded-xl p-4">
                <Text variant="subtitle2" as="h3" className="font-bold">
                  Example {index + 1}
                </Text>
                <Labelled label="Input">{example.input}</Labelled>
                <Labelled label="Output">{example.output}</Labelled>
                {example.explanation ? (
                  <div className="flex flex-col gap-1 sm:flex-row sm:gap-3">
                    <span className="w-24 shrink-0 text-sm font-semibold text-muted">Explanation</span>
                    <SafeMarkdown inline className="text-sm">
                      {example.explanation}
                    </SafeMarkdown>
                  </div>
                ) : null}
              </Surface>
            ))}
          </Section>
        ) : null}

        {question.constraints.length > 0 ? (
          <Section title="Constraints">
            <ul className="m-0 list-disc space-y-1 pl-6">
              {question.constraints.map((constraint, index) => (
                <li key={index}>
                  <SafeMarkdown inline>{constraint}</SafeMarkdown>
                </li>
              ))}
            </ul>
          </Section>
        ) : null}

        <Section title="Starter code">
          <Text as="p" className="text-muted">
            Define <code className="rounded bg-foreground/10 px-1 py-0.5 font-mono text-[0.9em]">{signatureOf(question.entryPoint)}</code>.
          </Text>
          <StarterCodeTabs starterCode={question.starterCode} languages={LANGUAGES} />
        </Section>

        <Section title="Solve it">
          <PracticeEntry
            questionId={question.id}
            slug={question.slug}
            entryPoint={question.entryPoint}
            starterCode={question.starterCode}
            firstArgs={question.testCases.find((testCase) => !testCase.hidden)?.args}
          />
        </Section>
      </div>
    </article>
  );
}
