import type { Queryable } from '../../db/pool';
import type { FieldError } from '../../errors';
import * as repo from './agreements.repo';
import type { CommitmentInput } from './agreements.schema';
import type { CommitmentFields } from './commitments.repo';

/** A due year must not come before the year the agreement was signed. */
export function checkDueYear(
  dueYear: number | null | undefined,
  signedOn: string | null,
  path: string,
  errors: FieldError[],
) {
  if (dueYear != null && signedOn && dueYear < Number(signedOn.slice(0, 4))) {
    errors.push({
      path,
      code: 'before_signing',
      message: `the due year ${dueYear} comes before the signing date ${signedOn}`,
    });
  }
}

/**
 * Checks a commitment's fields and turns its party code into an id; every problem goes into `errors` under
 * `path` (e.g. `/body/commitments/2`), so a request reports all its faults at once.
 */
export async function commitmentFields(
  db: Queryable,
  input: Omit<CommitmentInput, 'code'>,
  signedOn: string | null,
  path: string,
  errors: FieldError[],
): Promise<CommitmentFields> {
  const ids = await repo.findOrganizationIds(db, [input.party]);
  const partyId = ids.get(input.party.toLowerCase()) ?? '';
  if (!partyId)
    errors.push({ path: `${path}/party`, code: 'unknown', message: `unknown organization ${input.party}` });
  if (input.value != null && !(input.value >= 0)) {
    errors.push({ path: `${path}/value`, code: 'minimum', message: 'a commitment cannot be negative' });
  }
  checkDueYear(input.dueYear, signedOn, `${path}/dueYear`, errors);
  return {
    partyId,
    metric: input.metric,
    value: input.value ?? null,
    qualifier: input.qualifier ?? 'exact',
    dueYear: input.dueYear ?? null,
    description: (input.description ?? null) as CommitmentFields['description'],
    source: (input.source ?? null) as CommitmentFields['source'],
  };
}
