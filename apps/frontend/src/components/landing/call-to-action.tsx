import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { GET_STARTED_HREF } from './links';

export function CallToAction() {
  return (
    <section aria-labelledby="cta-title" className="mx-auto w-full max-w-6xl px-4 pb-20 sm:px-6">
      <div className="rounded-3xl bg-primary px-6 py-12 text-center text-primary-contrast sm:px-12">
        <Typography id="cta-title" variant="h2" className="text-3xl sm:text-4xl">
          Your next interview is a conversation. Rehearse it.
        </Typography>
        <Typography component="p" className="mx-auto mt-4 max-w-2xl">
          Sign up, choose your topics and a difficulty, and you are in a room with a peer as soon as someone asks for
          the same: the question, one editor with both your cursors, a chat, and a language you pick together. When
          you end the session, it waits in your history.
        </Typography>
        <div className="mt-8 flex flex-wrap justify-center gap-3">
          <Button
            href={GET_STARTED_HREF}
            variant="contained"
            size="large"
            className="bg-primary-contrast text-primary hover:bg-primary-contrast/90"
          >
            Create your account
          </Button>
          <Button href="/login?next=%2Fmatch" variant="outlined" size="large" className="border-primary-contrast/60 text-primary-contrast">
            I already have an account
          </Button>
        </div>
      </div>
    </section>
  );
}
