import { questionSchema, type Question } from '@peerprep/contracts';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { ApiError } from '../../../lib/api-client';
import { serverApiRequest } from '../../../lib/server-api';
import { QuestionDetail } from '../../../components/questions/question-detail';

interface QuestionPageProps {
  params: Promise<{ idOrSlug: string }>;
}

/**
 * Rendered on the server from the public API (no token: hidden test cases are
 * never in this page). `cache` lets the metadata and the page share one request.
 */
const loadQuestion = cache(async (idOrSlug: string): Promise<Question> => {
  try {
    return await serverApiRequest(`/questions/${encodeURIComponent(idOrSlug)}`, { schema: questionSchema });
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: QuestionPageProps): Promise<Metadata> {
  const question = await loadQuestion((await params).idOrSlug);
  return { title: question.title };
}

export default async function QuestionPage({ params }: QuestionPageProps) {
  const question = await loadQuestion((await params).idOrSlug);
  return <QuestionDetail question={question} />;
}
