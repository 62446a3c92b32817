import type { EntryPoint } from '@peerprep/contracts';

/** `twoSum(nums: int[], target: int) → int[]`: what a solution defines. */
export function signatureOf(entryPoint: Pick<EntryPoint, 'functionName' | 'params' | 'returnType'>): string {
  const params = entryPoint.params.map((param) => `${param.name}: ${param.type}`).join(', ');
  return `${entryPoint.functionName}(${params}) → ${entryPoint.returnType}`;
}
