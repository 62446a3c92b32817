// One import per question file; keep sorted by slug (adding a question = a file + a line here).
import type { QuestionInput } from '@peerprep/contracts';
import * as anagramFamilies from './questions/anagram-families';
import * as balancedBracketStrings from './questions/balanced-bracket-strings';
import * as balancedBrackets from './questions/balanced-brackets';
import * as bargeCapacity from './questions/barge-capacity';
import * as busiestStretch from './questions/busiest-stretch';
import * as catalogueLookup from './questions/catalogue-lookup';
import * as commonTileSize from './questions/common-tile-size';
import * as countIslands from './questions/count-islands';
import * as coursePlanCheck from './questions/course-plan-check';
import * as daysUntilWarmer from './questions/days-until-warmer';
import * as dedupeSortedChain from './questions/dedupe-sorted-chain';
import * as diagonalSum from './questions/diagonal-sum';
import * as editDistance from './questions/edit-distance';
import * as exactChangeBooth from './questions/exact-change-booth';
import * as fewestCoins from './questions/fewest-coins';
import * as fewestHops from './questions/fewest-hops';
import * as firstUniqueLetter from './questions/first-unique-letter';
import * as kthBestScore from './questions/kth-best-score';
import * as largestBillboard from './questions/largest-billboard';
import * as longestFreshRun from './questions/longest-fresh-run';
import * as longestRisingSubsequence from './questions/longest-rising-subsequence';
import * as longestWarmStreak from './questions/longest-warm-streak';
import * as maxXorPair from './questions/max-xor-pair';
import * as medianOfTwoLedgers from './questions/median-of-two-ledgers';
import * as mergeBusySlots from './questions/merge-busy-slots';
import * as mergeKSortedChains from './questions/merge-k-sorted-chains';
import * as mergeSortedShelves from './questions/merge-sorted-shelves';
import * as missingTicketNumber from './questions/missing-ticket-number';
import * as noDoubleBooking from './questions/no-double-booking';
import * as pairWithTargetSum from './questions/pair-with-target-sum';
import * as pathsAroundRocks from './questions/paths-around-rocks';
import * as peacefulQueens from './questions/peaceful-queens';
import * as postfixCalculator from './questions/postfix-calculator';
import * as productOfOthers from './questions/product-of-others';
import * as quietStreetCollection from './questions/quiet-street-collection';
import * as reverseWordOrder from './questions/reverse-word-order';
import * as roomsNeeded from './questions/rooms-needed';
import * as rotatedCatalogueSearch from './questions/rotated-catalogue-search';
import * as runningBalance from './questions/running-balance';
import * as sameLetters from './questions/same-letters';
import * as signalSpreadTime from './questions/signal-spread-time';
import * as smallerToTheRight from './questions/smaller-to-the-right';
import * as smallestCoveringWindow from './questions/smallest-covering-window';
import * as spiralReading from './questions/spiral-reading';
import * as spokenPalindrome from './questions/spoken-palindrome';
import * as staircaseStrides from './questions/staircase-strides';
import * as steppingStones from './questions/stepping-stones';
import * as ticketQueueTime from './questions/ticket-queue-time';
import * as totalBitDifferences from './questions/total-bit-differences';
import * as trappedRainwater from './questions/trapped-rainwater';
import * as treeCameras from './questions/tree-cameras';
import * as treeHeight from './questions/tree-height';
import * as treeLevels from './questions/tree-levels';
import * as trendingWords from './questions/trending-words';
import * as unpairedSock from './questions/unpaired-sock';
import * as widestRainTank from './questions/widest-rain-tank';
import * as wildcardFilenames from './questions/wildcard-filenames';
import * as windowMaximums from './questions/window-maximums';
import * as wordLadderLength from './questions/word-ladder-length';
import * as zeroSumTriples from './questions/zero-sum-triples';
import * as zigzagChain from './questions/zigzag-chain';
import { referenceSolutionsOf } from './reference-solutions';

/**
 * Reference solutions take the entry point's parameters in order. `never[]`
 * accepts any typed signature; the spec calls them with the JSON arguments.
 */
export type ReferenceSolution = (...args: never[]) => unknown;

export interface SeedQuestion {
  /** The create body, with the question's `referenceSolutions` (reference-solutions.ts). */
  question: QuestionInput;
  /** Never shown to students: it proves the bank's expected outputs. */
  referenceSolution: ReferenceSolution;
}

const questionFiles: SeedQuestion[] = [
  anagramFamilies,
  balancedBracketStrings,
  balancedBrackets,
  bargeCapacity,
  busiestStretch,
  catalogueLookup,
  commonTileSize,
  countIslands,
  coursePlanCheck,
  daysUntilWarmer,
  dedupeSortedChain,
  diagonalSum,
  editDistance,
  exactChangeBooth,
  fewestCoins,
  fewestHops,
  firstUniqueLetter,
  kthBestScore,
  largestBillboard,
  longestFreshRun,
  longestRisingSubsequence,
  longestWarmStreak,
  maxXorPair,
  medianOfTwoLedgers,
  mergeBusySlots,
  mergeKSortedChains,
  mergeSortedShelves,
  missingTicketNumber,
  noDoubleBooking,
  pairWithTargetSum,
  pathsAroundRocks,
  peacefulQueens,
  postfixCalculator,
  productOfOthers,
  quietStreetCollection,
  reverseWordOrder,
  roomsNeeded,
  rotatedCatalogueSearch,
  runningBalance,
  sameLetters,
  signalSpreadTime,
  smallerToTheRight,
  smallestCoveringWindow,
  spiralReading,
  spokenPalindrome,
  staircaseStrides,
  steppingStones,
  ticketQueueTime,
  totalBitDifferences,
  trappedRainwater,
  treeCameras,
  treeHeight,
  treeLevels,
  trendingWords,
  unpairedSock,
  widestRainTank,
  wildcardFilenames,
  windowMaximums,
  wordLadderLength,
  zeroSumTriples,
  zigzagChain,
];

export const seedQuestions: SeedQuestion[] = questionFiles.map(({ question, referenceSolution }) => ({
  question: { ...question, referenceSolutions: referenceSolutionsOf(question) },
  referenceSolution,
}));
