import { IntentLink } from '../../../components/intent-link';
import { buttonClass } from '../../../components/ui/button';
import { Text } from '../../../components/ui/type';
import { PageMessage } from '../../../components/auth/page-status';

export default function QuestionNotFound() {
  return (
    <PageMessage title="Question not found">
      <Text as="p" className="text-muted">
        It may have been renamed or removed from the question bank.
      </Text>
      <IntentLink href="/questions" className={buttonClass({ variant: 'outlined' })}>
        Browse all questions
      </IntentLink>
    </PageMessage>
  );
}
