/**
 * The public API (everything the gateway serves under /api) as an OpenAPI 3.1
 * document generated from the contracts. Node/server only: kept out of the
 * package index so the browser bundle never pulls in the generator.
 */
import {
  OpenAPIRegistry,
  OpenApiGeneratorV31,
  zodToOpenAPIRegistry,
  type ResponseConfig,
  type RouteConfig,
} from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  REFRESH_COOKIE_NAME,
  REFRESH_COOKIE_PATH,
  SESSION_HINT_COOKIE_NAME,
  jwksResponseSchema,
  loginRequestSchema,
  signupRequestSchema,
  tokenResponseSchema,
} from './auth';
import { callSignalEnvelopeSchema, callSignalSchema, iceServerSchema, iceServersViewSchema } from './calls';
import { difficultySchema, languageSchema, queryListRegistry, roleSchema, type QueryListMeta } from './common';
import {
  attemptDetailSchema,
  attemptIdParamsSchema,
  attemptRoundSchema,
  attemptSummarySchema,
  historyPageSchema,
  listHistoryQuerySchema,
} from './history';
import {
  currentRoundSchema,
  interviewRoundParamsSchema,
  interviewRoundSummarySchema,
  interviewViewSchema,
  pairInterviewViewSchema,
  roomInterviewResponseSchema,
} from './interview';
import {
  createMatchRequestSchema,
  matchCancelledMessageSchema,
  matchCriteriaSchema,
  matchErrorMessageSchema,
  matchMatchedMessageSchema,
  matchPeerSchema,
  matchQueuedMessageSchema,
  matchRelaxedMessageSchema,
  matchRequestViewSchema,
  matchStatusMessageSchema,
  matchTimedOutMessageSchema,
} from './matching';
import { PROBLEM_CONTENT_TYPE, fieldErrorSchema, problemDetailsSchema } from './problem';
import {
  createRoomRunRequestSchema,
  createSoloRunRequestSchema,
  listRunsQuerySchema,
  roomRunsResponseSchema,
  runDetailSchema,
  runIdParamsSchema,
  runProgressSchema,
  runSummarySchema,
  runViewSchema,
  runsPageSchema,
} from './runs';
import {
  diagnosticSchema,
  executionResultSchema,
  testResultSchema,
} from './executions';
import {
  entryPointSchema,
  exampleSchema,
  jsonValueSchema,
  listQuestionsQuerySchema,
  questionIdOrSlugParamsSchema,
  questionInputSchema,
  questionRefSchema,
  questionSchema,
  questionSummarySchema,
  questionsPageSchema,
  referenceSolutionsSchema,
  starterCodeSchema,
  testCaseSchema,
  topicSchema,
  topicWithCountsSchema,
  topicsResponseSchema,
  valueTypeSchema,
} from './questions';
import { rubricCriterionSchema, rubricSchema } from './rubric';
import {
  hintReleaseParamsSchema,
  interviewerNotesSchema,
  interviewerPaneSchema,
  paneHintSchema,
  putInterviewerNotesRequestSchema,
  releasedHintSchema,
  releasedHintsSchema,
} from './interviewer-pane';
import {
  attemptFeedbackSchema,
  criterionScoreSchema,
  feedbackSummarySchema,
  feedbackToRateSchema,
  feedbackViewSchema,
  peerBlockViewSchema,
  roomFeedbackSchema,
  submitFeedbackRequestSchema,
} from './feedback';
import {
  chatMessageSchema,
  collabRoomParamsSchema,
  participantSchema,
  roomIdParamsSchema,
  roomQuestionSchema,
  roomViewSchema,
} from './rooms';
import {
  changePasswordRequestSchema,
  changeRoleRequestSchema,
  deleteAccountRequestSchema,
  listUsersQuerySchema,
  updateProfileRequestSchema,
  userIdParamsSchema,
  userProfileSchema,
  usersPageSchema,
} from './users';

export type OpenAPIObject = ReturnType<OpenApiGeneratorV31['generateDocument']>;
type OpenAPIDefinitions = ConstructorParameters<typeof OpenApiGeneratorV31>[0][number];
type Security = NonNullable<RouteConfig['security']>;

/**
 * Where the API lives when nobody says otherwise (a static build of the
 * document): the local gateway of the README. Absolute, because tools resolve
 * a relative server URL against wherever they fetched the document from (or
 * cannot route at all, like a proxy); the gateway serves the document with its
 * own public origin instead.
 */
export const DEFAULT_SERVER_URL = 'http://localhost:3001/api';

export interface BuildOpenApiOptions {
  /** Absolute base URL the paths are relative to; DEFAULT_SERVER_URL by default. */
  serverUrl?: string;
}

const PROBLEM_RESPONSES = {
  400: ['BadRequest', 'The request is malformed or a field is invalid; `errors` names each field.'],
  401: ['Unauthorized', 'Missing, expired or invalid credentials (a request that sends a bearer token must send a valid one).'],
  403: ['Forbidden', 'Signed in, but not allowed to do this.'],
  404: ['NotFound', 'No such resource (or not visible to you).'],
  409: ['Conflict', 'Conflicts with the current state (e.g. a taken username, an active match request).'],
  413: [
    'PayloadTooLarge',
    'The request body is larger than the service accepts (`BODY_LIMIT`, 100 kB by default), or code to run is above 64 KiB.',
  ],
  415: ['UnsupportedMediaType', 'The request body is not `application/json` (or uses an unsupported charset or encoding).'],
  429: ['TooManyRequests', 'Rate limited; retry after the Retry-After header.'],
  '5XX': [
    'ServerError',
    'The server failed: an unexpected error (500), a service behind the gateway that is down or cannot check the ' +
      'token (502, 503) or too slow (504). Quote `requestId` when reporting it.',
  ],
} as const;
type ProblemStatus = keyof typeof PROBLEM_RESPONSES;

const bearer: Security = [{ bearerAuth: [] }];
/** Works anonymously; a token may unlock more (e.g. hidden test cases for admins). */
const optionalBearer: Security = [{}, { bearerAuth: [] }];
const anonymous: Security = [];

function json(schema: z.ZodType, description: string): ResponseConfig {
  return { description, content: { 'application/json': { schema } } };
}

function body(schema: z.ZodType) {
  return { required: true, content: { 'application/json': { schema } } };
}

function problems(...statuses: ProblemStatus[]): RouteConfig['responses'] {
  return Object.fromEntries(
    statuses.map((status) => [status, { $ref: `#/components/responses/${PROBLEM_RESPONSES[status][0]}` }]),
  );
}

const noContent = (description: string): ResponseConfig => ({ description });

const usesBearer = (security: Security | undefined) => (security ?? []).some((requirement) => 'bearerAuth' in requirement);

/**
 * The answers that do not depend on the handler, derived from what every
 * route goes through, so no operation can forget one:
 * - a JSON body: express.json and `validate()` answer 400 (bad JSON, invalid
 *   fields), 413 (over BODY_LIMIT) and 415 (not JSON);
 * - path or query parameters: `validate()` answers 400 (a WebSocket upgrade
 *   refuses bad parameters with a close code instead);
 * - a bearer token, required or optional: the gateway and the service answer 401
 *   to a missing (when required), invalid or expired one;
 * - every operation: the gateway's rate limit (429) and a failure (5XX).
 */
function impliedProblems(config: RouteConfig): ProblemStatus[] {
  const upgrade = Object.hasOwn(config.responses, 101);
  const statuses: ProblemStatus[] = [];
  if (config.request?.body) statuses.push(400, 413, 415);
  if (!upgrade && (config.request?.params || config.request?.query)) statuses.push(400);
  if (usesBearer(config.security)) statuses.push(401);
  statuses.push(429, '5XX');
  return statuses;
}

/**
 * A query list (`queryListSchema`) takes one or more occurrences of the
 * parameter, each a comma-separated list: `?topics=a,b`, `?topics=a&topics=b`
 * and mixes of both mean the same. OpenAPI cannot give one parameter two
 * serialisation styles, so it is documented as what tools do understand: the
 * repeated form (`style: form`, `explode: true`) of an array whose every item
 * is itself a comma-separated list of the item's pattern.
 */
function commaListItemSchema({ item }: QueryListMeta): Record<string, unknown> {
  const itemJson = z.toJSONSchema(item) as { pattern?: string };
  const anchored = itemJson.pattern?.match(/^\^(.*)\$$/s);
  if (!anchored) return { type: 'string' };
  const one = `(?:${anchored[1]})`;
  return { type: 'string', pattern: `^\\s*(?:${one}\\s*)?(?:,\\s*(?:${one}\\s*)?)*$` };
}

function documentQueryLists(query: unknown): void {
  if (!(query instanceof z.ZodObject)) return;
  for (const [name, field] of Object.entries(query.shape as Record<string, z.ZodType>)) {
    const list = queryListRegistry.get(field);
    if (!list) continue;
    const current = zodToOpenAPIRegistry.get(field);
    zodToOpenAPIRegistry.add(field, {
      ...current,
      type: 'array',
      items: commaListItemSchema(list),
      param: {
        ...current?.param,
        style: 'form',
        explode: true,
        description:
          `Repeat the parameter or separate values with commas, or both: \`?${name}=a,b\` and ` +
          `\`?${name}=a&${name}=b\` are the same filter. At most ${list.maxItems} values in all; blank ones are ignored.`,
      },
    });
  }
}

/**
 * What a zod refinement says but JSON Schema cannot derive from it, stated
 * once beside the component it belongs to (openapi.spec.ts compares each
 * request body's zod verdict with the document's on the same inputs).
 */
const componentSchemaExtras: Partial<Record<keyof typeof componentSchemas, Record<string, unknown>>> = {
  // updateProfileRequestSchema refuses `{}`: at least one of its optional fields.
  UpdateProfileRequest: { minProperties: 1 },
  ReferenceSolutions: {
    description:
      'Code of a correct solution per language. Written by admins with the question (PUT replaces them); ' +
      'in a question read, present only for admins and internal callers, never for students or anonymous visitors.',
  },
  // rubricSchema's refinement: JSON Schema cannot say "unique by one property".
  Rubric: {
    description:
      'What the interviewer of a mock-interview round rates, 1–8 criteria whose ids are distinct (a repeated id is a 400 ' +
      'naming `rubric.<index>.id`). Written by admins with the question (PUT replaces it; left out, the question gets the ' +
      'default rubric: problem-solving, code-quality, communication, testing); in a question read, present only for ' +
      'admins and internal callers, never for students or anonymous visitors.',
  },
};

const setsRefreshCookie = {
  'Set-Cookie': {
    description: `The rotated refresh token: \`${REFRESH_COOKIE_NAME}\`, httpOnly, SameSite=Lax, Path=${REFRESH_COOKIE_PATH}, Secure outside development; and beside it \`${SESSION_HINT_COOKIE_NAME}=1\` (readable by the page, Path=/, the same lifetime), which tells the page a session exists. Both are cleared together.`,
    schema: { type: 'string' as const },
  },
};

/**
 * The component name of each schema. Names are attached in zod-to-openapi's
 * own metadata registry (which only its generator reads), not with
 * `extendZodWithOpenApi`/`.openapi()`: that would have to patch zod before any
 * schema is created, and `.meta({ id })` would claim ids in zod's global
 * registry. Parsing and `z.toJSONSchema` stay exactly as other importers expect,
 * and nested uses of a named schema become `$ref`s. (The library marks its
 * registry "use with caution", not as going away; openapi.spec.ts pins the output.)
 */
const componentSchemas = {
  ProblemDetails: problemDetailsSchema,
  FieldError: fieldErrorSchema,
  Difficulty: difficultySchema,
  Language: languageSchema,
  Role: roleSchema,
  SignupRequest: signupRequestSchema,
  LoginRequest: loginRequestSchema,
  TokenResponse: tokenResponseSchema,
  UserProfile: userProfileSchema,
  UpdateProfileRequest: updateProfileRequestSchema,
  ChangePasswordRequest: changePasswordRequestSchema,
  DeleteAccountRequest: deleteAccountRequestSchema,
  UsersPage: usersPageSchema,
  ChangeRoleRequest: changeRoleRequestSchema,
  Topic: topicSchema,
  TopicWithCounts: topicWithCountsSchema,
  TopicsResponse: topicsResponseSchema,
  ValueType: valueTypeSchema,
  JsonValue: jsonValueSchema,
  EntryPoint: entryPointSchema,
  TestCase: testCaseSchema,
  Example: exampleSchema,
  StarterCode: starterCodeSchema,
  ReferenceSolutions: referenceSolutionsSchema,
  RubricCriterion: rubricCriterionSchema,
  Rubric: rubricSchema,
  QuestionRef: questionRefSchema,
  QuestionSummary: questionSummarySchema,
  Question: questionSchema,
  QuestionsPage: questionsPageSchema,
  QuestionInput: questionInputSchema,
  MatchCriteria: matchCriteriaSchema,
  CreateMatchRequest: createMatchRequestSchema,
  MatchPeer: matchPeerSchema,
  MatchRequestView: matchRequestViewSchema,
  MatchQueuedMessage: matchQueuedMessageSchema,
  MatchRelaxedMessage: matchRelaxedMessageSchema,
  MatchMatchedMessage: matchMatchedMessageSchema,
  MatchTimedOutMessage: matchTimedOutMessageSchema,
  MatchCancelledMessage: matchCancelledMessageSchema,
  MatchErrorMessage: matchErrorMessageSchema,
  MatchStatusMessage: matchStatusMessageSchema,
  Participant: participantSchema,
  RoomQuestion: roomQuestionSchema,
  RoomView: roomViewSchema,
  ChatMessage: chatMessageSchema,
  IceServer: iceServerSchema,
  IceServersView: iceServersViewSchema,
  CallSignal: callSignalSchema,
  CallSignalEnvelope: callSignalEnvelopeSchema,
  InterviewRoundSummary: interviewRoundSummarySchema,
  CurrentRound: currentRoundSchema,
  InterviewView: interviewViewSchema,
  PairInterviewView: pairInterviewViewSchema,
  RoomInterviewResponse: roomInterviewResponseSchema,
  AttemptRound: attemptRoundSchema,
  AttemptSummary: attemptSummarySchema,
  AttemptDetail: attemptDetailSchema,
  HistoryPage: historyPageSchema,
  Diagnostic: diagnosticSchema,
  TestResult: testResultSchema,
  ExecutionResult: executionResultSchema,
  RunProgress: runProgressSchema,
  RunView: runViewSchema,
  RunDetail: runDetailSchema,
  RunSummary: runSummarySchema,
  RunsPage: runsPageSchema,
  RoomRunsResponse: roomRunsResponseSchema,
  CreateRoomRunRequest: createRoomRunRequestSchema,
  CreateSoloRunRequest: createSoloRunRequestSchema,
  PaneHint: paneHintSchema,
  InterviewerNotes: interviewerNotesSchema,
  InterviewerPane: interviewerPaneSchema,
  PutInterviewerNotesRequest: putInterviewerNotesRequestSchema,
  ReleasedHint: releasedHintSchema,
  ReleasedHints: releasedHintsSchema,
  SubmitFeedbackRequest: submitFeedbackRequestSchema,
  CriterionScore: criterionScoreSchema,
  FeedbackView: feedbackViewSchema,
  FeedbackToRate: feedbackToRateSchema,
  RoomFeedback: roomFeedbackSchema,
  AttemptFeedback: attemptFeedbackSchema,
  FeedbackSummary: feedbackSummarySchema,
  PeerBlockView: peerBlockViewSchema,
} satisfies Record<string, z.ZodType>;

/** The zod schema behind each component schema of the document (the tests compare their verdicts). */
export const openApiComponentSchemas: Readonly<Record<string, z.ZodType>> = componentSchemas;

/** Wrapped as definitions: a bare zod 4 schema has a `type` field the generator mistakes for a definition kind. */
function nameComponentSchemas(): OpenAPIDefinitions[] {
  for (const [name, schema] of Object.entries(componentSchemas)) {
    const current = zodToOpenAPIRegistry.get(schema);
    const extras = componentSchemaExtras[name as keyof typeof componentSchemas];
    zodToOpenAPIRegistry.add(schema, { ...current, ...extras, _internal: { ...current?._internal, refId: name } });
  }
  return Object.values(componentSchemas).map((schema) => ({ type: 'schema' as const, schema }));
}

function buildRegistry(): OpenAPIRegistry {
  const registry = new OpenAPIRegistry();
  for (const [status, [name, description]] of Object.entries(PROBLEM_RESPONSES)) {
    registry.registerComponent('responses', name, {
      description,
      content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
      ...(status === '429'
        ? { headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } } } }
        : {}),
    });
  }

  registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'The access token from signup, login or refresh (15 minutes).',
  });
  registry.registerComponent('securitySchemes', 'refreshCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: REFRESH_COOKIE_NAME,
    description: 'The httpOnly refresh token cookie, rotated on every use.',
  });

  const {
    SignupRequest,
    LoginRequest,
    TokenResponse,
    UserProfile,
    UpdateProfileRequest,
    ChangePasswordRequest,
    DeleteAccountRequest,
    UsersPage,
    ChangeRoleRequest,
    Question,
    QuestionsPage,
    TopicsResponse,
    QuestionInput,
    CreateMatchRequest,
    MatchRequestView,
    RoomView,
    IceServersView,
    InterviewView,
    RoomInterviewResponse,
    HistoryPage,
    AttemptDetail,
    RunView,
    RunDetail,
    RunsPage,
    RoomRunsResponse,
    CreateRoomRunRequest,
    CreateSoloRunRequest,
    InterviewerPane,
    InterviewerNotes,
    PutInterviewerNotesRequest,
    ReleasedHint,
    ReleasedHints,
    SubmitFeedbackRequest,
    FeedbackView,
    RoomFeedback,
    AttemptFeedback,
    FeedbackSummary,
    PeerBlockView,
  } = componentSchemas;

  const route = (config: RouteConfig) => {
    documentQueryLists(config.request?.query);
    const implied = problems(...impliedProblems(config));
    registry.registerPath({ ...config, responses: { ...implied, ...config.responses } });
  };

  // auth
  route({
    method: 'post',
    path: '/auth/signup',
    operationId: 'signup',
    tags: ['auth'],
    summary: 'Create an account and sign in',
    security: anonymous,
    request: { body: body(SignupRequest) },
    responses: {
      201: { ...json(TokenResponse, 'Signed up and signed in.'), headers: setsRefreshCookie },
      ...problems(400, 409, 429),
    },
  });
  route({
    method: 'post',
    path: '/auth/login',
    operationId: 'login',
    tags: ['auth'],
    summary: 'Sign in with username or email and password',
    security: anonymous,
    request: { body: body(LoginRequest) },
    responses: {
      200: { ...json(TokenResponse, 'Signed in.'), headers: setsRefreshCookie },
      ...problems(400, 401, 429),
    },
  });
  route({
    method: 'post',
    path: '/auth/refresh',
    operationId: 'refresh',
    tags: ['auth'],
    summary: 'Exchange the refresh cookie for a new access token (the cookie rotates)',
    description:
      'Also the session probe of a page load: without a refresh cookie the answer is 204 (not signed in), ' +
      'not an error. A cookie that is invalid, expired or revoked is a 401 that clears it. Reusing an ' +
      'already rotated refresh token revokes its whole family.',
    security: [{}, { refreshCookie: [] }],
    responses: {
      200: { ...json(TokenResponse, 'A new access token; the refresh cookie is replaced.'), headers: setsRefreshCookie },
      204: noContent('No refresh cookie was sent: there is no session to refresh (signed out).'),
      ...problems(401),
    },
  });
  route({
    method: 'post',
    path: '/auth/logout',
    operationId: 'logout',
    tags: ['auth'],
    summary: 'Revoke the refresh token and clear its cookie',
    security: [{}, { refreshCookie: [] }],
    responses: { 204: noContent('Signed out (also when there was no session).') },
  });
  route({
    method: 'get',
    path: '/auth/jwks.json',
    operationId: 'getSigningKeys',
    tags: ['auth'],
    summary: 'The public keys that verify access tokens (JWKS)',
    description: 'Access tokens are EdDSA (Ed25519) JWTs signed by user-service; the `kid` header names the key.',
    security: anonymous,
    responses: { 200: json(jwksResponseSchema, 'The JSON Web Key Set.') },
  });

  // users
  route({
    method: 'get',
    path: '/users/me',
    operationId: 'getOwnProfile',
    tags: ['users'],
    summary: 'Read your own profile',
    security: bearer,
    responses: { 200: json(UserProfile, 'Your profile.'), ...problems(401) },
  });
  route({
    method: 'patch',
    path: '/users/me',
    operationId: 'updateOwnProfile',
    tags: ['users'],
    summary: 'Edit your username, email or display name',
    security: bearer,
    request: { body: body(UpdateProfileRequest) },
    responses: { 200: json(UserProfile, 'The updated profile.'), ...problems(400, 401, 409) },
  });
  route({
    method: 'delete',
    path: '/users/me',
    operationId: 'deleteOwnAccount',
    tags: ['users'],
    summary: 'Delete your account (password required)',
    description:
      'A wrong password is a 400 naming `password` (the session stays valid). 409 when you are the last admin. Publishes `user.deleted`.',
    security: bearer,
    request: { body: body(DeleteAccountRequest) },
    responses: { 204: noContent('Deleted; every session is revoked.'), ...problems(400, 401, 409, 429) },
  });
  route({
    method: 'post',
    path: '/users/me/password',
    operationId: 'changeOwnPassword',
    tags: ['users'],
    summary: 'Change your password (current password required; other sessions are revoked)',
    description:
      'A wrong current password is a 400 naming `currentPassword`. Every session of the user is revoked and a fresh one is started for the caller: the response sets a new refresh cookie.',
    security: bearer,
    request: { body: body(ChangePasswordRequest) },
    responses: { 204: { ...noContent('Changed.'), headers: setsRefreshCookie }, ...problems(400, 401, 429) },
  });
  route({
    method: 'get',
    path: '/users',
    operationId: 'listUsers',
    tags: ['users'],
    summary: 'List and search users (admin)',
    security: bearer,
    request: { query: listUsersQuerySchema },
    responses: { 200: json(UsersPage, 'One page of users.'), ...problems(400, 401, 403) },
  });
  route({
    method: 'patch',
    path: '/users/{id}/role',
    operationId: 'changeUserRole',
    tags: ['users'],
    summary: "Change a user's role (admin)",
    security: bearer,
    description: 'Effective at the user\'s next token refresh. 409 when it would demote the last admin.',
    request: { params: userIdParamsSchema, body: body(ChangeRoleRequest) },
    responses: { 200: json(UserProfile, 'The updated user.'), ...problems(400, 401, 403, 404, 409) },
  });

  // questions
  route({
    method: 'get',
    path: '/questions',
    operationId: 'listQuestions',
    tags: ['questions'],
    summary: 'Browse questions: filter by difficulty and topics, search, sort, paginate',
    security: optionalBearer,
    request: { query: listQuestionsQuerySchema },
    responses: { 200: json(QuestionsPage, 'One page of questions.'), ...problems(400) },
  });
  route({
    method: 'get',
    path: '/questions/{idOrSlug}',
    operationId: 'getQuestion',
    tags: ['questions'],
    summary: 'Read one question by id or slug',
    description:
      'Hidden test cases and the interviewer material (`hints`, `referenceSolutions`, `rubric`) only for an admin token or an ' +
      'internal caller: for a student or an anonymous visitor those fields are absent. A bad token is a 401, never anonymous.',
    security: optionalBearer,
    request: { params: questionIdOrSlugParamsSchema },
    responses: { 200: json(Question, 'The question.'), ...problems(401, 404) },
  });
  route({
    method: 'get',
    path: '/topics',
    operationId: 'listTopics',
    tags: ['questions'],
    summary: 'Topics with question counts per difficulty',
    security: optionalBearer,
    responses: { 200: json(TopicsResponse, 'Every topic.') },
  });
  route({
    method: 'post',
    path: '/questions',
    operationId: 'createQuestion',
    tags: ['questions'],
    summary: 'Create a question (admin)',
    security: bearer,
    request: { body: body(QuestionInput) },
    responses: { 201: json(Question, 'The created question.'), ...problems(400, 401, 403, 409) },
  });
  route({
    method: 'put',
    path: '/questions/{idOrSlug}',
    operationId: 'replaceQuestion',
    tags: ['questions'],
    summary: 'Replace a question (admin)',
    security: bearer,
    request: { params: questionIdOrSlugParamsSchema, body: body(QuestionInput) },
    responses: { 200: json(Question, 'The updated question.'), ...problems(400, 401, 403, 404, 409) },
  });
  route({
    method: 'delete',
    path: '/questions/{idOrSlug}',
    operationId: 'deleteQuestion',
    tags: ['questions'],
    summary: 'Delete a question (admin)',
    security: bearer,
    request: { params: questionIdOrSlugParamsSchema },
    responses: { 204: noContent('Deleted.'), ...problems(401, 403, 404) },
  });

  // matching
  route({
    method: 'post',
    path: '/match/requests',
    operationId: 'createMatchRequest',
    tags: ['matching'],
    summary: 'Ask for a partner (one active request per user)',
    description:
      '`mode` is `interview` (a mock interview, the default) or `pair` (pair practice); only requests of the same ' +
      'mode pair. `minutes` (30, 45 or 60; default 45) is the whole mock interview: two requests may ask for ' +
      'different lengths, and the session gets the shorter (`match.minutes`). Two users of whom one blocked the ' +
      'other after a session are never paired again.',
    security: bearer,
    request: { body: body(CreateMatchRequest) },
    responses: { 201: json(MatchRequestView, 'Queued.'), ...problems(400, 401, 409, 429) },
  });
  route({
    method: 'get',
    path: '/match/requests/current',
    operationId: 'getCurrentMatchRequest',
    tags: ['matching'],
    summary: 'Your active match request, with its deadlines',
    security: bearer,
    responses: {
      200: json(MatchRequestView, 'The active request.'),
      204: noContent('You have no active match request (not an error: the match page asks on every load).'),
    },
  });
  route({
    method: 'delete',
    path: '/match/requests/current',
    operationId: 'cancelCurrentMatchRequest',
    tags: ['matching'],
    summary: 'Cancel your active match request',
    description: '404 when there is none (it may have timed out); 409 when it was matched meanwhile.',
    security: bearer,
    responses: { 204: noContent('Cancelled.'), ...problems(401, 404, 409) },
  });
  route({
    method: 'get',
    path: '/match/events',
    operationId: 'matchStatusChannel',
    tags: ['matching'],
    summary: 'Live match status (WebSocket)',
    description:
      'Upgrades to a WebSocket (access token required). The server sends one JSON ' +
      '`MatchStatusMessage` (see components) per status change: queued, relaxed, matched, ' +
      'timed_out, cancelled or error. Closing the channel while waiting cancels the request.',
    security: bearer,
    responses: { 101: noContent('Switching to the WebSocket protocol.'), ...problems(401) },
  });

  // rooms
  route({
    method: 'get',
    path: '/rooms/{id}',
    operationId: 'getRoom',
    tags: ['rooms'],
    summary: 'A room you take part in',
    security: bearer,
    request: { params: roomIdParamsSchema },
    responses: { 200: json(RoomView, 'The room.'), ...problems(401, 403, 404) },
  });
  route({
    method: 'post',
    path: '/rooms/{id}/end',
    operationId: 'endRoomSession',
    tags: ['rooms'],
    summary: 'End the session: the room closes and an attempt is saved for each participant',
    security: bearer,
    request: { params: roomIdParamsSchema },
    responses: {
      200: json(RoomView, 'The closed room: both attempts are saved and both editors turned read-only.'),
      ...problems(401, 403, 404, 409),
    },
  });
  route({
    method: 'get',
    path: '/collab/{roomId}',
    operationId: 'roomEditorChannel',
    tags: ['rooms'],
    summary: 'The shared editor (WebSocket, y-websocket protocol)',
    description:
      'Upgrades to a WebSocket speaking the y-websocket protocol (document sync and awareness). ' +
      'Only the two participants may connect; anyone else is refused before any document byte is sent: ' +
      'a missing or invalid token with HTTP 401 (retry with a fresh token), a stranger, an unknown room or a ' +
      'malformed id by a close code the client must not retry (4403, 4404, 4400). A closed room is read-only. ' +
      'Besides y-websocket\'s messages (0–3): the server\'s run message (100, a `RunView` as JSON), a chat line ' +
      '(101, its text), the call\'s signals (102: a client sends a `CallSignal` as JSON, at most 64 KiB; the other ' +
      'participant alone gets it as a `CallSignalEnvelope` stamped with the sender\'s id; a malformed or oversized one ' +
      'closes the sender\'s socket with 4422; nothing of a call is stored), a hint the interviewer released (104, a ' +
      '`ReleasedHint` as JSON, to both participants) and, in a mock interview, the server\'s ' +
      'interview message (103, an `InterviewView` as JSON, on every change of the rounds and every connection). A client ' +
      'that sends a message only the server sends (2, 100, 103, 104) is closed with 4422. In a mock interview a client writes only the running round\'s code and ' +
      'language (`code`/`language` in round one, `round2Code`/`round2Language` in round two, which the server fills ' +
      'when round two starts); any other write is refused with 4422.',
    security: bearer,
    request: { params: collabRoomParamsSchema },
    responses: { 101: noContent('Switching to the WebSocket protocol.'), ...problems(401, 403, 404) },
  });

  route({
    method: 'get',
    path: '/rooms/{id}/ice-servers',
    operationId: 'getRoomIceServers',
    tags: ['rooms'],
    summary: 'The ICE servers of the room\'s voice/video call (participants of an open room)',
    description:
      'The TURN server with a short-lived credential for you (coturn\'s REST scheme: `username` is ' +
      '`<unix expiry>:<your user id>`, `credential` base64(HMAC-SHA1(TURN secret, username))), or an empty list ' +
      'when the platform runs without a TURN server (the browsers then connect over host candidates: one machine ' +
      'or a LAN). Not cached. 409 once the session has ended: the call ends with it.',
    security: bearer,
    request: { params: roomIdParamsSchema },
    responses: { 200: json(IceServersView, 'The call\'s ICE servers and when their credentials expire.'), ...problems(401, 403, 404, 409) },
  });

  route({
    method: 'get',
    path: '/rooms/{id}/interview',
    operationId: 'getRoomInterview',
    tags: ['rooms'],
    summary: 'The rounds of a mock interview: phase, roles, the server\'s start and end of the round (participants only)',
    description:
      'An `InterviewView` with `serverNow`, the server\'s time when it answered: count down to `currentRound.endsAt` ' +
      'with the offset from it (`@peerprep/contracts/clock`). A pair-practice room answers `{ mode: "pair" }`. The same ' +
      'view comes over the editor channel (message 103) on every change. Not cached (`Cache-Control: no-store`).',
    security: bearer,
    request: { params: roomIdParamsSchema },
    responses: { 200: json(RoomInterviewResponse, 'The interview, or pair practice.'), ...problems(401, 403, 404) },
  });
  route({
    method: 'post',
    path: '/rooms/{id}/interview/rounds/{round}/end',
    operationId: 'endInterviewRound',
    tags: ['rooms'],
    summary: 'End the running round early (its interviewer only)',
    description:
      'Round 1: round two starts at once, roles swapped, with the second question in a fresh editor. Round 2: the ' +
      'interview is over and the room closes as when a session is ended (both attempts saved; `closedBy` null: the ' +
      'interview ended it). 403 for the candidate; 409 naming `round` when that round is not being played (it timed ' +
      'out, or has not started), naming `id` when the interview is over; 404 for a pair-practice room.',
    security: bearer,
    request: { params: interviewRoundParamsSchema },
    responses: { 200: json(InterviewView, 'The interview after the round ended.'), ...problems(401, 403, 404, 409) },
  });
  // the interviewer's pane of a mock interview (issue #18 item 4)
  const roundRules =
    'Only that round\'s interviewer: its candidate gets 403 (always, also after the session), a stranger 403; ' +
    '404 for an unknown room, a pair-practice room or an interview whose round one has not started; 409 (naming ' +
    '`round`) while the round has not started.';
  route({
    method: 'get',
    path: '/rooms/{id}/interview/rounds/{round}/material',
    operationId: 'getInterviewerMaterial',
    tags: ['interview'],
    summary: 'The interviewer\'s pane of a round: hints (released or not), reference solutions, rubric, your notes',
    description: `${roundRules} Readable from the round's start on, for good (the rubric rates the candidate afterwards). Not cached.`,
    security: bearer,
    request: { params: interviewRoundParamsSchema },
    responses: { 200: json(InterviewerPane, 'The material and your notes.'), ...problems(401, 403, 404, 409) },
  });
  route({
    method: 'post',
    path: '/rooms/{id}/interview/rounds/{round}/hints/{index}/release',
    operationId: 'releaseHint',
    tags: ['interview'],
    summary: 'Release a hint of the running round to the candidate (in order, from 0; idempotent)',
    description:
      `${roundRules} The round must be running (409 naming \`round\` once it ended); hints go in the question's ` +
      'order (another than the next is a 409 naming `index`); 404 past the last hint. Both peers get it on the editor ' +
      'channel (message 104). Releasing a released hint answers it again and announces nothing.',
    security: bearer,
    request: { params: hintReleaseParamsSchema },
    responses: { 200: json(ReleasedHint, 'The released hint.'), ...problems(401, 403, 404, 409) },
  });
  route({
    method: 'put',
    path: '/rooms/{id}/interview/rounds/{round}/notes',
    operationId: 'putInterviewerNotes',
    tags: ['interview'],
    summary: 'Replace your private notes on a round you interview in (at most 10 000 characters)',
    description:
      `${roundRules} Writable from the round's start until 24 hours after the session ended (then 409 naming ` +
      '`round`). Read back only through the material and your own history (`GET /history/{id}/feedback`).',
    security: bearer,
    request: { params: interviewRoundParamsSchema, body: body(PutInterviewerNotesRequest) },
    responses: { 200: json(InterviewerNotes, 'The notes as stored.'), ...problems(401, 403, 404, 409) },
  });
  route({
    method: 'get',
    path: '/rooms/{id}/interview/hints',
    operationId: 'listReleasedHints',
    tags: ['interview'],
    summary: 'The hints released so far in a mock interview, by round (both participants)',
    description: '403 for a stranger, 404 for an unknown or pair-practice room.',
    security: bearer,
    request: { params: roomIdParamsSchema },
    responses: { 200: json(ReleasedHints, 'The released hints.'), ...problems(401, 403, 404) },
  });

  // feedback (issue #18 item 6)
  route({
    method: 'post',
    path: '/rooms/{id}/feedback',
    operationId: 'submitFeedback',
    tags: ['feedback'],
    summary: 'Rate your partner as the candidate of the round you interviewed in, once the session has ended',
    description:
      'A score from 1 to 4 for every criterion of that round\'s rubric (`GET /rooms/{id}/feedback` gives it as `toRate`): ' +
      'a missing, unknown or out-of-range criterion is a 400 naming `scores.<criterion id>`. Once per participant and ' +
      'room (409 the second time); 409 while the session runs, or when your partner was never a candidate; 404 for a ' +
      'pair-practice room; 403 for a stranger.',
    security: bearer,
    request: { params: roomIdParamsSchema, body: body(SubmitFeedbackRequest) },
    responses: { 201: json(FeedbackView, 'Your feedback as stored.'), ...problems(401, 403, 404, 409) },
  });
  route({
    method: 'get',
    path: '/rooms/{id}/feedback',
    operationId: 'getRoomFeedback',
    tags: ['feedback'],
    summary: 'The feedback you gave and, once visible, the feedback you received in a mock interview',
    description:
      'What you received shows once both of you have given yours, or 24 hours after the session ended, never ' +
      'before: until then `received` is null and `receivedVisibleAt` says when. Not cached.',
    security: bearer,
    request: { params: roomIdParamsSchema },
    responses: { 200: json(RoomFeedback, 'Given, received, and what is left to rate.'), ...problems(401, 403, 404) },
  });
  route({
    method: 'get',
    path: '/history/{id}/feedback',
    operationId: 'getAttemptFeedback',
    tags: ['feedback'],
    summary: 'Per round of one of your attempts: the feedback you received as its candidate, your notes as its interviewer',
    security: bearer,
    request: { params: attemptIdParamsSchema },
    responses: { 200: json(AttemptFeedback, 'The attempt\'s rounds (none for pair practice).'), ...problems(401, 403, 404) },
  });
  route({
    method: 'get',
    path: '/feedback/summary',
    operationId: 'getFeedbackSummary',
    tags: ['feedback'],
    summary: 'Your visible feedback received: averages per rubric criterion, and a series over time',
    security: bearer,
    responses: { 200: json(FeedbackSummary, 'The summary.') },
  });
  route({
    method: 'post',
    path: '/rooms/{id}/block',
    operationId: 'blockPeer',
    tags: ['feedback'],
    summary: 'Block the other participant: you are never matched together again',
    description:
      'During or after the session, in either mode; idempotent (a second block answers the first). 409 when your ' +
      'partner deleted their account; 403 for a stranger, 404 for an unknown room.',
    security: bearer,
    request: { params: roomIdParamsSchema },
    responses: { 200: json(PeerBlockView, 'The block.'), ...problems(401, 403, 404, 409) },
  });

  // runs
  const queued =
    'Queued (202): execution-service runs it from a work queue. Follow it live (in a room: the editor channel\'s ' +
    'run message, type 100, a `RunView` as JSON, to both participants) or by polling `GET /runs/{id}`. ' +
    '409: a run of this room or of yours is still in progress; 429: too many runs this minute; 503 with ' +
    'Retry-After: the queue is full.';
  route({
    method: 'post',
    path: '/rooms/{id}/runs',
    operationId: 'createRoomRun',
    tags: ['runs'],
    summary: 'Run (visible tests, plus an optional custom input) or Submit (every test) the room\'s shared code',
    description: `The server reads the room's live code and language; nothing of the code is sent. ${queued}`,
    security: bearer,
    request: { params: roomIdParamsSchema, body: body(CreateRoomRunRequest) },
    responses: { 202: json(RunView, 'The queued run.'), ...problems(403, 404, 409, 413, 429) },
  });
  route({
    method: 'get',
    path: '/rooms/{id}/runs',
    operationId: 'listRoomRuns',
    tags: ['runs'],
    summary: 'The room\'s recent runs, newest first (participants only)',
    security: bearer,
    request: { params: roomIdParamsSchema },
    responses: { 200: json(RoomRunsResponse, 'Up to 50 runs.'), ...problems(403, 404) },
  });
  route({
    method: 'post',
    path: '/runs',
    operationId: 'createSoloRun',
    tags: ['runs'],
    summary: 'Run or Submit your own code for a question, alone',
    description: queued,
    security: bearer,
    request: { body: body(CreateSoloRunRequest) },
    responses: { 202: json(RunView, 'The queued run.'), ...problems(409, 413, 429) },
  });
  route({
    method: 'get',
    path: '/runs',
    operationId: 'listOwnRuns',
    tags: ['runs'],
    summary: 'Your practice runs (alone), newest first, optionally for one question',
    security: bearer,
    request: { query: listRunsQuerySchema },
    responses: { 200: json(RunsPage, 'One page of runs.') },
  });
  route({
    method: 'get',
    path: '/runs/{id}',
    operationId: 'getRun',
    tags: ['runs'],
    summary: 'One run with the code it ran: yours, or one of a room you take part in',
    security: bearer,
    request: { params: runIdParamsSchema },
    responses: { 200: json(RunDetail, 'The run.'), ...problems(403, 404) },
  });

  // history
  route({
    method: 'get',
    path: '/history',
    operationId: 'listHistory',
    tags: ['history'],
    summary: 'Your past attempts, newest first',
    security: bearer,
    request: { query: listHistoryQuerySchema },
    responses: { 200: json(HistoryPage, 'One page of attempts.'), ...problems(400, 401) },
  });
  route({
    method: 'get',
    path: '/history/{id}',
    operationId: 'getAttempt',
    tags: ['history'],
    summary: 'One of your attempts, with its final code and chat',
    security: bearer,
    request: { params: attemptIdParamsSchema },
    responses: { 200: json(AttemptDetail, 'The attempt.'), ...problems(401, 403, 404) },
  });

  return registry;
}

/** A regex flag suffix such as `/u`: how zod-to-openapi 9 serialises a flagged regex (`toString()`). */
const LEAKED_FLAGS = /\/[dgimsuvy]+$/;

/**
 * Every `pattern` of the document that a client could not use: one that is
 * not a valid ECMA-262 unicode regex, or that ends in a leaked flag suffix
 * (which then has to match literally, so `^[a-z]+$/u` accepts no real value).
 * Flags cannot travel in a JSON Schema pattern: write contract regexes without them.
 */
export function unusablePatterns(document: unknown): { at: string; pattern: string; reason: string }[] {
  const found: { at: string; pattern: string; reason: string }[] = [];
  const visit = (node: unknown, at: string): void => {
    if (Array.isArray(node)) {
      node.forEach((child, index) => visit(child, `${at}/${index}`));
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      const here = `${at}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      if (key === 'pattern' && typeof value === 'string') {
        if (LEAKED_FLAGS.test(value)) found.push({ at: here, pattern: value, reason: 'ends in a regex flag suffix' });
        try {
          new RegExp(value, 'u');
        } catch (error) {
          found.push({ at: here, pattern: value, reason: (error as Error).message });
        }
      } else {
        visit(value, here);
      }
    }
  };
  visit(document, '#');
  return found;
}

/**
 * zod-to-openapi 9 writes a nullable use of a named schema as
 * `allOf: [{ $ref }, { type: ['object', 'null'] }]`, which no null satisfies
 * (the $ref requires an object). Rewritten in place as what it means:
 * `anyOf: [{ $ref }, { type: 'null' }]`.
 */
function fixNullableRefs(node: unknown): void {
  if (Array.isArray(node)) {
    for (const child of node) fixNullableRefs(child);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  const allOf = record['allOf'];
  if (
    Array.isArray(allOf) &&
    allOf.length === 2 &&
    typeof (allOf[0] as Record<string, unknown>)?.['$ref'] === 'string' &&
    JSON.stringify(allOf[1]) === JSON.stringify({ type: ['object', 'null'] })
  ) {
    delete record['allOf'];
    record['anyOf'] = [allOf[0], { type: 'null' }];
  }
  for (const value of Object.values(record)) fixNullableRefs(value);
}

export function buildOpenApiDocument(opts: BuildOpenApiOptions = {}): OpenAPIObject {
  const schemas = nameComponentSchemas();
  const generator = new OpenApiGeneratorV31([...schemas, ...buildRegistry().definitions]);
  const document = generator.generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'PeerPrep API',
      version: '1.0.0',
      description:
        'Every route of the PeerPrep public API, through the gateway. Errors are ' +
        '`application/problem+json`; every list is paginated and carries its total.',
    },
    servers: [{ url: opts.serverUrl ?? DEFAULT_SERVER_URL }],
    tags: [
      { name: 'auth', description: 'Sign up, sign in, sessions' },
      { name: 'users', description: 'Own account; user administration' },
      { name: 'questions', description: 'The question bank' },
      { name: 'matching', description: 'Finding a partner' },
      { name: 'rooms', description: 'The shared session' },
      { name: 'runs', description: 'Running code against a question\'s tests' },
      { name: 'history', description: 'Past attempts' },
      { name: 'interview', description: 'The interviewer\'s pane of a mock interview' },
      { name: 'feedback', description: 'Feedback after a mock interview, and blocking a peer' },
    ],
  });
  fixNullableRefs(document);
  const unusable = unusablePatterns(document);
  if (unusable.length > 0) {
    throw new Error(
      `The OpenAPI document has unusable patterns (write contract regexes without flags): ${unusable
        .map(({ at, pattern, reason }) => `${at} ${JSON.stringify(pattern)}: ${reason}`)
        .join('; ')}`,
    );
  }
  return document;
}
