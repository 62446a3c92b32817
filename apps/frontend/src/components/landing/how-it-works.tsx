import type { ReactNode } from 'react';
import GroupsOutlined from '@mui/icons-material/GroupsOutlined';
import CodeOutlined from '@mui/icons-material/CodeOutlined';
import TuneOutlined from '@mui/icons-material/TuneOutlined';
import Typography from '@mui/material/Typography';

const steps: { title: string; body: string; icon: ReactNode }[] = [
  {
    title: 'Pick topics and a difficulty',
    body: 'Sign up, then choose one or more topics (arrays, strings, graphs, dynamic programming and more) and Easy, Medium or Hard.',
    icon: <TuneOutlined fontSize="large" />,
  },
  {
    title: 'Get matched live',
    body: 'PeerPrep pairs you with a student who asked for the same thing, usually within seconds. Cancel at any time.',
    icon: <GroupsOutlined fontSize="large" />,
  },
  {
    title: 'Solve it together',
    body: 'One question, one shared editor: see each other’s cursors, chat, pick the language together and talk it through. End the session and the attempt is saved to your history.',
    icon: <CodeOutlined fontSize="large" />,
  },
];

export function HowItWorks() {
  return (
    <section id="how-it-works" aria-labelledby="how-it-works-title" className="scroll-mt-20 border-y border-divider bg-paper">
      <div className="mx-auto w-full max-w-6xl px-4 py-16 sm:px-6 md:py-20">
        <Typography id="how-it-works-title" variant="h2" className="text-center text-3xl sm:text-4xl">
          How it works
        </Typography>
        <Typography component="p" className="mx-auto mt-3 max-w-2xl text-center text-muted">
          Three steps from “I should practise” to a real interview-style session.
        </Typography>
        <ol className="m-0 mt-12 grid list-none gap-6 p-0 md:grid-cols-3">
          {steps.map((step, index) => (
            <li key={step.title} className="relative rounded-2xl border border-divider bg-background p-6">
              <div className="flex items-center gap-3">
                <span className="flex size-12 items-center justify-center rounded-xl bg-primary/10 text-primary" aria-hidden="true">
                  {step.icon}
                </span>
                <span className="text-sm font-semibold text-muted">Step {index + 1}</span>
              </div>
              <Typography variant="h3" className="mt-4 text-xl">
                {step.title}
              </Typography>
              <Typography component="p" className="mt-2 text-muted">
                {step.body}
              </Typography>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
