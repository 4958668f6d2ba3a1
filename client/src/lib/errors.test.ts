import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { formErrors } from './errors.ts';

const graphQLErrors = (...errors: GraphQLError[]) =>
  new CombinedGraphQLErrors({ errors: errors.map((e) => e.toJSON()) });

describe('formErrors', () => {
  it('puts an error beside the field it names, and one about another field at the top', () => {
    const error = graphQLErrors(
      new GraphQLError('input.minContribution: must be at most the target amount.', {
        extensions: { code: 'BAD_USER_INPUT', field: 'input.minContribution' },
      }),
      new GraphQLError('amount: exceeds your unfunded commitment.', {
        extensions: { code: 'BAD_USER_INPUT', field: 'amount' },
      }),
    );
    const errors = formErrors(error, ['minContribution']);
    expect(errors.fields).toEqual({ minContribution: 'Must be at most the target amount.' });
    expect(errors.form).toBe('amount: exceeds your unfunded commitment.');
    // The code of what went to the top, once; a field's own error speaks beside it.
    expect(errors.codes).toEqual(['BAD_USER_INPUT']);
    expect(errors.retryable).toBe(false);
  });

  it('shows CONFLICT and FORBIDDEN at the top of the form, not retryable', () => {
    const errors = formErrors(
      graphQLErrors(
        new GraphQLError('The pool is closed.', { extensions: { code: 'CONFLICT' } }),
        new GraphQLError('Only the pool’s manager may do this.', {
          extensions: { code: 'FORBIDDEN' },
        }),
      ),
    );
    expect(errors.form).toBe('The pool is closed. Only the pool’s manager may do this.');
    expect(errors.codes).toEqual(['CONFLICT', 'FORBIDDEN']);
    expect(errors.retryable).toBe(false);
  });

  it('offers a retry when the request got no answer', () => {
    for (const error of [
      new TypeError('Failed to fetch'),
      new ServerError('Bad gateway', {
        response: new Response('', { status: 502 }),
        bodyText: '',
      }),
    ]) {
      const errors = formErrors(error);
      expect(errors.form).toMatch(/could not be reached/);
      expect(errors.retryable).toBe(true);
    }
  });
});
