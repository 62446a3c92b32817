import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';

export function CallToAction() {
  return (
    <section aria-labelledby="cta-title" className="mx-auto w-full max-w-6xl px-4 pb-20 sm:px-6">
      <div className="rounded-3xl bg-primary px-6 py-12 text-center text-primary-contrast sm:px-12">
        <Typography id="cta-title" variant="h2" className="text-3xl sm:text-4xl">
          Your next interview is a conversation. Rehearse it.
        </Typography>
        <Typography component="p" className="mx-auto mt-4 max-w-2xl opacity-90">
          Matching, shared rooms and history are arriving step by step. The API behind them is already documented.
        </Typography>
        <div className="mt-8 flex flex-wrap justify-center gap-3">
          <Button
            href="/api/docs"
            LinkComponent="a"
            variant="contained"
            size="large"
            className="bg-primary-contrast text-primary hover:bg-primary-contrast/90"
          >
            Read the API docs
          </Button>
          <Button href="#how-it-works" variant="outlined" size="large" className="border-primary-contrast/60 text-primary-contrast">
            How it works
          </Button>
        </div>
      </div>
    </section>
  );
}
