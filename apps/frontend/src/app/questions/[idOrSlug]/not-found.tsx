import Button from '@mui/material/Button';
import { Text } from '../../../components/ui/type';
import { PageMessage } from '../../../components/auth/page-status';

export default function QuestionNotFound() {
  return (
    <PageMessage title="Question not found">
      <Text as="p" className="text-muted">
        It may have been renamed or removed from the question bank.
      </Text>
      <Button href="/questions" variant="outlined">
        Browse all questions
      </Button>
    </PageMessage>
  );
}
