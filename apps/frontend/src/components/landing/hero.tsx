import { GET_STARTED_HREF } from './links';
import { RoomPreview } from './room-preview';
import { Text } from '../ui/type';
import { LinkButton } from '../ui/link-button';

export function Hero() {
  return (
    <section aria-labelledby="hero-title" className="relative overflow-hidden">
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-x-0 -top-40 -z-10 mx-auto h-[32rem] max-w-5xl rounded-full bg-gradient-to-tr from-primary/25 via-secondary/10 to-transparent blur-3xl dark:from-primary/20"
      />
      <div className="mx-auto grid w-full max-w-6xl items-center gap-12 px-4 py-16 sm:px-6 md:py-24 lg:grid-cols-2">
        <div>
          <Text variant="overline" as="p" className="font-semibold tracking-widest text-primary">
            Peer technical-interview practice
          </Text>
          <Text id="hero-title" variant="h1" className="mt-2 text-4xl leading-tight sm:text-5xl">
            Practise interviews the way they happen: live, with a peer.
          </Text>
          <Text as="p" className="mt-6 max-w-xl text-lg text-muted">
            Pick a topic and a difficulty, get matched with another student in seconds, and solve one question
            together in a shared real-time editor, with a chat beside it. Every session is kept in your history.
          </Text>
          <div className="mt-8 flex flex-wrap gap-3">
            <LinkButton href={GET_STARTED_HREF} variant="contained">
              Get started
            </LinkButton>
            <LinkButton href="/questions" variant="outlined">
              Browse questions
            </LinkButton>
          </div>
        </div>
        <RoomPreview />
      </div>
    </section>
  );
}
