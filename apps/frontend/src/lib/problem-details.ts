import { problemDetailsSchema } from '@peerprep/contracts/problem';

/**
 * A problem+json body checked against the contract. Its own module so that
 * api-error can load it, and the contracts with it, only once an error needs
 * reading (see apiErrorFromResponse).
 */
export const parseProblemDetails = (json: unknown) => problemDetailsSchema.safeParse(json);
