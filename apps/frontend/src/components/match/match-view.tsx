'use client';

import type { MatchCriteria } from '@peerprep/contracts';
import dynamic from 'next/dynamic';
import { useMemo } from 'react';
import { describeFailure } from '../../lib/form-errors';
import { fetchTopics } from '../../lib/match/match-api';
import type { MatchState } from '../../lib/match/match-state';
import { AccountPage } from '../account/account-page';
import { PageLoading } from '../auth/page-status';
import { RequireAuth } from '../auth/require-auth';
import { LazyAlert as Alert } from '../mui/lazy-alert';
import { useApiResource } from '../questions/use-api-resource';
import { CriteriaForm } from './criteria-form';
import { useMatch } from './use-match';

// The form is what a visit starts with; the panels of a request in progress
// and of its outcome load when the page gets there.
const panelLoading = () => <PageLoading label="Loading…" />;
const WaitingPanel = dynamic(() => import('./waiting-panel').then((module) => module.WaitingPanel), { ssr: false, loading: panelLoading });
const MatchedPanel = dynamic(() => import('./outcome-panel').then((module) => module.MatchedPanel), { ssr: false, loading: panelLoading });
const EndedPanel = dynamic(() => import('./outcome-panel').then((module) => module.EndedPanel), { ssr: false, loading: panelLoading });

function endedMessage(state: Extract<MatchState, { kind: 'timedOut' | 'cancelled' | 'failed' }>): string {
  if (state.kind !== 'cancelled') return state.message;
  return state.reason === 'user'
    ? 'Request cancelled. You can change your criteria and search again.'
    : 'Your request was removed because this page lost its connection. Send it again when you are ready.';
}

function MatchContent() {
  const { state, channel, formFailure, notice, actionError, submit, cancel, showForm } = useMatch();
  const topics = useApiResource('topics', fetchTopics);
  const topicList = useMemo(() => topics.data?.items ?? null, [topics.data]);
  // The bank's counts come with the topics: the form opens with them, rather than asking for them
  // once it is on screen and drawing itself again when they arrive.
  const openingCounts = topics.data?.questionCounts ?? null;
  const topicNames = useMemo(() => new Map((topicList ?? []).map((topic) => [topic.slug, topic.name])), [topicList]);
  const topicsError = topics.error ? (describeFailure(topics.error, { fields: [] }).message ?? 'Topics could not be loaded.') : null;

  const form = (criteria: MatchCriteria | null, submitting: boolean) => (
    <CriteriaForm
      // A new set of criteria ("Widen my criteria") starts a fresh form.
      key={JSON.stringify(criteria)}
      initial={criteria}
      topics={topicList ?? []}
      topicsError={topicsError}
      openingCounts={openingCounts}
      failure={formFailure}
      submitting={submitting}
      onSubmit={(next) => void submit(next)}
    />
  );

  let body;
  switch (state.kind) {
    case 'checking':
      body = <PageLoading label="Checking for a request in progress…" />;
      break;
    case 'choosing':
    case 'submitting':
      // The form appears whole, with its topics: growing in place as they
      // arrived, it pushed everything below it down (a layout shift).
      body =
        topicList === null && !topicsError
          ? <PageLoading label="Loading topics…" />
          : form(state.criteria, state.kind === 'submitting');
      break;
    case 'waiting':
      body = (
        <WaitingPanel
          criteria={state.criteria}
          window={state.window}
          relaxed={state.relaxed}
          cancelling={state.cancelling}
          channel={channel}
          topicNames={topicNames}
          onCancel={() => void cancel()}
        />
      );
      break;
    case 'cancelled':
      if (state.reason === 'user') {
        // The user meant it: straight back to the form, with what they had chosen.
        body = (
          <>
            <Alert severity="info" role="status" data-testid="match-outcome">
              {endedMessage(state)}
            </Alert>
            {form(state.criteria, false)}
          </>
        );
        break;
      }
      body = <EndedPanel kind="cancelled" message={endedMessage(state)} criteria={state.criteria} topics={topicList ?? []} onTryAgain={(criteria) => void submit(criteria)} onEdit={showForm} />;
      break;
    case 'matched':
      body = <MatchedPanel outcome={state.outcome} topicNames={topicNames} />;
      break;
    default:
      body = (
        <EndedPanel
          kind={state.kind}
          message={endedMessage(state)}
          criteria={state.criteria}
          topics={topicList ?? []}
          onTryAgain={(criteria) => void submit(criteria)}
          onEdit={showForm}
        />
      );
  }

  return (
    <>
      {notice ? (
        <Alert severity="info" role="status">
          {notice}
        </Alert>
      ) : null}
      {actionError ? (
        <Alert severity="error" role="alert">
          {actionError}
        </Alert>
      ) : null}
      {body}
    </>
  );
}

export function MatchView() {
  // The frame renders on the server, outside the session check (see ProfileView).
  return (
    <AccountPage title="Find a partner" intro="Pick what you want to practise; you are paired with the first student who wants the same.">
      <RequireAuth>
        <MatchContent />
      </RequireAuth>
    </AccountPage>
  );
}
