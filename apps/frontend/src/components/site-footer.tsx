import Typography from '@mui/material/Typography';

export function SiteFooter() {
  return (
    <footer className="border-t border-divider">
      <div className="mx-auto flex w-full max-w-6xl flex-col gap-2 px-4 py-8 sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <Typography variant="body2" className="text-muted">
          PeerPrep · practise technical interviews with a peer, live.
        </Typography>
        <Typography variant="body2" className="text-muted">
          <a href="/api/docs" className="text-primary underline-offset-4 hover:underline">
            API documentation
          </a>
        </Typography>
      </div>
    </footer>
  );
}
