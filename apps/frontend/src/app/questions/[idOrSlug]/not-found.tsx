import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { PageMessage } from '../../../components/auth/page-status';

export default function QuestionNotFound() {
  return (
    <PageMessage title="Question not found">
      <Typography component="p" className="text-muted">
        It may have been renamed or removed from the question bank.
      </Typography>
      <Button href="/questions" variant="outlined">
        Browse all questions
      </Button>
    </PageMessage>
  );
}
