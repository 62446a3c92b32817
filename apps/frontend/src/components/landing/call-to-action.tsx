import { GET_STARTED_HREF } from './links';
import { Text } from '../ui/type';
import { LinkButton } from '../ui/link-button';

export function CallToAction() {
  return (
    <section aria-labelledby="cta-title" className="mx-auto w-full max-w-6xl px-4 pb-20 sm:px-6">
      <div className="rounded-3xl bg-primary px-6 py-12 text-center text-primary-contrast sm:px-12">
        <Text id="cta-title" variant="h2" className="text-3xl sm:text-4xl">
          Your next interview is a conversation. Rehearse it.
        </Text>
        <Text as="p" className="mx-auto mt-4 max-w-2xl">
          Sign up, choose your topics and a difficulty, and you are in a room with a peer as soon as someone asks for
          the same: the question, one editor with both your cursors, a chat, and a language you pick together. When
          you end the session, it waits in your history.
        </Text>
        <div className="mt-8 flex flex-wrap justify-center gap-3">
          <LinkButton href={GET_STARTED_HREF} variant="contained-inverse">
            Create your account
          </LinkButton>
          <LinkButton href="/login?next=%2Fmatch" variant="outlined-inverse">
            I already have an account
          </LinkButton>
        </div>
      </div>
    </section>
  );
}
