import { partnerOperations, type PartnerOperationTypes } from './__generated__/operations.ts';

export { partnerOperations, type PartnerOperationTypes };

/** Every operation of the partner manifest, by name. */
export type OperationName = keyof PartnerOperationTypes;
export type VariablesOf<N extends OperationName> = PartnerOperationTypes[N]['variables'];
export type DataOf<N extends OperationName> = PartnerOperationTypes[N]['data'];

/** Queries and mutations: what `run` calls over HTTP. */
export type CallName = {
  [N in OperationName]: (typeof partnerOperations)[N]['type'] extends 'subscription' ? never : N;
}[OperationName];
/** Subscriptions: what `subscribe` opens over graphql-ws. */
export type SubscriptionName = Exclude<OperationName, CallName>;

/** The variables argument: optional when the operation needs none. */
export type VariablesArg<N extends OperationName> =
  Record<string, never> extends VariablesOf<N>
    ? [variables?: VariablesOf<N>]
    : [variables: VariablesOf<N>];

/**
 * The body that names an operation by its persisted id (Apollo's `extensions.persistedQuery`):
 * a partner key may run nothing else, so the query text is never sent.
 */
export function persistedRequest(name: OperationName, variables: object | undefined) {
  const operation: { id: string; type: string } | undefined = Object.hasOwn(partnerOperations, name)
    ? partnerOperations[name]
    : undefined;
  if (!operation) throw new TypeError(`${String(name)} is not an operation of the partner SDK`);
  return {
    type: operation.type,
    body: {
      operationName: name,
      variables: (variables ?? {}) as Record<string, unknown>,
      extensions: { persistedQuery: { version: 1, sha256Hash: operation.id } },
    },
  };
}
