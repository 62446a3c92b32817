import type { ReactNode } from 'react';
import { Text } from '../ui/type';
import { StaticIcon } from '../ui/static-icon';

const highlights: { title: string; body: string; icon: ReactNode }[] = [
  {
    title: 'A real-time shared editor',
    body: 'Both of you type in the same document; named, coloured cursors show who is where, and a dropped connection loses nothing.',
    icon: <StaticIcon name="syncAlt" />,
  },
  {
    title: 'Chat beside the code',
    body: 'Explain your approach as you would to an interviewer, and switch the language for both of you at once.',
    icon: <StaticIcon name="forum" />,
  },
  {
    title: 'Your history, kept',
    body: 'Every attempt keeps its question, partner, final code and duration, so you can reopen it and see how far you have come.',
    icon: <StaticIcon name="history" />,
  },
  {
    title: 'A question bank to browse',
    body: 'Search by topic, difficulty or words; every question comes with examples, constraints and starter code in five languages.',
    icon: <StaticIcon name="libraryBooks" />,
  },
];

export function Highlights() {
  return (
    <section aria-labelledby="highlights-title" className="mx-auto w-full max-w-6xl px-4 py-16 sm:px-6 md:py-20">
      <Text id="highlights-title" variant="h2" className="text-3xl sm:text-4xl">
        Built for practice that sticks
      </Text>
      <ul className="m-0 mt-10 grid list-none gap-8 p-0 sm:grid-cols-2">
        {highlights.map((item) => (
          <li key={item.title} className="flex gap-4">
            <span className="mt-1 shrink-0 text-secondary" aria-hidden="true">
              {item.icon}
            </span>
            <div>
              <Text variant="h3" className="text-lg">
                {item.title}
              </Text>
              <Text as="p" className="mt-1.5 text-muted">
                {item.body}
              </Text>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
