import type { ReactNode } from 'react';
import { Text } from '../ui/type';
import { StaticIcon } from '../ui/static-icon';

const steps: { title: string; body: string; icon: ReactNode }[] = [
  {
    title: 'Pick topics and a difficulty',
    body: 'Sign up, then choose one or more topics (arrays, strings, graphs, dynamic programming and more) and Easy, Medium or Hard.',
    icon: <StaticIcon name="tune" size="large" />,
  },
  {
    title: 'Get matched live',
    body: 'PeerPrep pairs you with a student who asked for the same thing, usually within seconds. Cancel at any time.',
    icon: <StaticIcon name="groups" size="large" />,
  },
  {
    title: 'Solve it together',
    body: 'One question, one shared editor: see each other’s cursors, chat, pick the language together and talk it through. End the session and the attempt is saved to your history.',
    icon: <StaticIcon name="code" size="large" />,
  },
];

export function HowItWorks() {
  return (
    <section id="how-it-works" aria-labelledby="how-it-works-title" className="scroll-mt-20 border-y border-divider bg-paper">
      <div className="mx-auto w-full max-w-6xl px-4 py-16 sm:px-6 md:py-20">
        <Text id="how-it-works-title" variant="h2" className="text-center text-3xl sm:text-4xl">
          How it works
        </Text>
        <Text as="p" className="mx-auto mt-3 max-w-2xl text-center text-muted">
          Three steps from “I should practise” to a real interview-style session.
        </Text>
        <ol className="m-0 mt-12 grid list-none gap-6 p-0 md:grid-cols-3">
          {steps.map((step, index) => (
            <li key={step.title} className="relative rounded-2xl border border-divider bg-background p-6">
              <div className="flex items-center gap-3">
                <span className="flex size-12 items-center justify-center rounded-xl bg-primary/10 text-primary" aria-hidden="true">
                  {step.icon}
                </span>
                <span className="text-sm font-semibold text-muted">Step {index + 1}</span>
              </div>
              <Text variant="h3" className="mt-4 text-xl">
                {step.title}
              </Text>
              <Text as="p" className="mt-2 text-muted">
                {step.body}
              </Text>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
