import { subgraphCodegen } from '../../codegen.base.ts';

export default subgraphCodegen({
  Pool: '../data/pools.ts#PoolRow',
  Membership: '../data/memberships.ts#MembershipRow',
  CapitalCall: '../data/capitalCalls.ts#CapitalCallRow',
  CapitalCallItem: '../data/capitalCalls.ts#CapitalCallItemRow',
  Invitation: '../data/invitations.ts#InvitationRow',
  InviteLinkPreview: '../data/invitations.ts#InvitationRow',
  PoolTerms: '../data/poolTerms.ts#PoolTermsRow',
  User: '../types.ts#UserRef',
  Money: '@poolgraph/money#MoneyValue',
});
