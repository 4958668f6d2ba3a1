import { OTHER_OPERATION, type OperationLabel } from '@poolgraph/platform';
import type { TrustedDocuments } from './persistedQueries/manifest.ts';
import { REFUSED_OPERATION_NAME } from './persistedQueries/policy.ts';

/**
 * The gateway's `operation` label: the name of an operation some persisted-query manifest has
 * (the web client's and the partners' operations, reloaded with the manifests), `anonymous`,
 * the stand-in of a refused persisted query, or `other`. Any other name is the client's free
 * text: a thousand made-up names must not become a thousand series.
 */
export function knownOperationLabel(documents: TrustedDocuments): OperationLabel {
  return ({ operation }) => {
    if (!operation) return OTHER_OPERATION;
    const name = operation.name?.value;
    if (name === undefined) return 'anonymous';
    return name === REFUSED_OPERATION_NAME || documents.hasName(name) ? name : OTHER_OPERATION;
  };
}
