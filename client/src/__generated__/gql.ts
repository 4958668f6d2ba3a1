/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment SessionUserFields on User {\n    id\n    email\n    name\n    roles\n  }\n": typeof types.SessionUserFieldsFragmentDoc,
    "\n  mutation LogIn($email: String!, $password: String!) {\n    logIn(email: $email, password: $password) {\n      accessToken\n      refreshToken\n      user {\n        ...SessionUserFields\n      }\n    }\n  }\n": typeof types.LogInDocument,
    "\n  mutation StartLogIn($email: String!, $password: String!) {\n    startLogIn(email: $email, password: $password) {\n      __typename\n      ... on AuthPayload {\n        accessToken\n        refreshToken\n        user {\n          ...SessionUserFields\n        }\n      }\n      ... on SecondFactorChallenge {\n        challenge\n        expiresAt\n      }\n    }\n  }\n": typeof types.StartLogInDocument,
    "\n  mutation FinishLogIn($challenge: String!, $code: String!) {\n    finishLogIn(challenge: $challenge, code: $code) {\n      accessToken\n      refreshToken\n      user {\n        ...SessionUserFields\n      }\n    }\n  }\n": typeof types.FinishLogInDocument,
    "\n  mutation StepUp($code: String!) {\n    stepUp(code: $code) {\n      accessToken\n      validUntil\n    }\n  }\n": typeof types.StepUpDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      accessToken\n      refreshToken\n      user {\n        ...SessionUserFields\n      }\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation RequestSignUp($input: SignUpInput!) {\n    requestSignUp(input: $input) {\n      email\n      expiresAt\n    }\n  }\n": typeof types.RequestSignUpDocument,
    "\n  mutation ConfirmSignUp($token: String!) {\n    confirmSignUp(token: $token) {\n      accessToken\n      refreshToken\n      user {\n        ...SessionUserFields\n      }\n    }\n  }\n": typeof types.ConfirmSignUpDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n      user {\n        ...SessionUserFields\n      }\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  mutation LogOut($refreshToken: String!) {\n    logOut(refreshToken: $refreshToken)\n  }\n": typeof types.LogOutDocument,
    "\n  subscription AlertRaised {\n    alertRaised {\n      id\n      kind\n      message\n      status\n      raisedAt\n      pool {\n        id\n        name\n        openAlertCount\n      }\n    }\n  }\n": typeof types.AlertRaisedDocument,
    "\n  fragment DistributionMemberFields on Membership {\n    id\n    investor {\n      id\n      name\n    }\n    position {\n      contributed {\n        amount\n        currency\n      }\n      withdrawn {\n        amount\n        currency\n      }\n    }\n  }\n": typeof types.DistributionMemberFieldsFragmentDoc,
    "\n  query HeldPayments($poolId: ID!) {\n    paymentMismatches(poolId: $poolId) {\n      kind\n      provider\n      providerAmount {\n        amount\n        currency\n      }\n      transaction {\n        id\n        status\n        investor {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.HeldPaymentsDocument,
    "\n  mutation RefundPayment($id: ID!) {\n    refundPayment(transactionId: $id) {\n      id\n      held {\n        amount\n        currency\n      }\n      refunded {\n        amount\n        currency\n      }\n    }\n  }\n": typeof types.RefundPaymentDocument,
    "\n  fragment MemberRowFields on Membership {\n    id\n    investor {\n      id\n      name\n    }\n    commitment {\n      amount\n      currency\n    }\n    outstanding {\n      amount\n      currency\n    }\n    position {\n      contributed {\n        amount\n        currency\n      }\n      distributed {\n        amount\n        currency\n      }\n      proceeds {\n        amount\n        currency\n      }\n      fees {\n        amount\n        currency\n      }\n      capital {\n        amount\n        currency\n      }\n      pending {\n        amount\n        currency\n      }\n    }\n    ...DistributionMemberFields\n  }\n": typeof types.MemberRowFieldsFragmentDoc,
    "\n  mutation RemoveMember($poolId: ID!, $investorId: ID!) {\n    removeMember(poolId: $poolId, investorId: $investorId) {\n      id\n      memberCount\n    }\n  }\n": typeof types.RemoveMemberDocument,
    "\n  mutation RecordContribution($poolId: ID!, $investorId: ID!, $amount: Decimal!, $key: String!) {\n    recordContribution(\n      poolId: $poolId\n      investorId: $investorId\n      amount: $amount\n      idempotencyKey: $key\n    ) {\n      id\n    }\n  }\n": typeof types.RecordContributionDocument,
    "\n  mutation Distribute($poolId: ID!, $amount: Decimal!, $key: String!) {\n    distribute(poolId: $poolId, amount: $amount, idempotencyKey: $key) {\n      id\n    }\n  }\n": typeof types.DistributeDocument,
    "\n  mutation ChargeFee($poolId: ID!, $amount: Decimal!, $key: String!) {\n    chargeFee(poolId: $poolId, amount: $amount, idempotencyKey: $key) {\n      id\n    }\n  }\n": typeof types.ChargeFeeDocument,
    "\n  mutation CallCapital($poolId: ID!, $percent: Float!, $dueDate: DateTime!) {\n    callCapital(poolId: $poolId, percent: $percent, dueDate: $dueDate) {\n      id\n      totalCalled {\n        amount\n        currency\n      }\n    }\n  }\n": typeof types.CallCapitalDocument,
    "\n  fragment NextManagementFeeFields on ManagementFeePreview {\n    termsVersion\n    period\n    periodStart\n    periodEnd\n    dueAt\n    overdue\n    frequency\n    basis\n    rateBps\n    basisAmount {\n      amount\n      currency\n    }\n    amount {\n      amount\n      currency\n    }\n    members {\n      investor {\n        id\n        name\n      }\n      amount {\n        amount\n        currency\n      }\n    }\n  }\n": typeof types.NextManagementFeeFieldsFragmentDoc,
    "\n  query NextManagementFee($poolId: ID!) {\n    managementFeePreview(poolId: $poolId) {\n      pool {\n        id\n      }\n      ...NextManagementFeeFields\n    }\n  }\n": typeof types.NextManagementFeeDocument,
    "\n  query UnreadNoticeCount {\n    unreadNoticeCount\n  }\n": typeof types.UnreadNoticeCountDocument,
    "\n  subscription NoticeReceived {\n    noticeReceived {\n      id\n    }\n  }\n": typeof types.NoticeReceivedDocument,
    "\n  fragment PerformanceFiguresFields on PoolPerformance {\n    nav {\n      amount\n      currency\n    }\n    navDate\n    dpi\n    rvpi\n    tvpi\n    moic\n    irr\n  }\n": typeof types.PerformanceFiguresFieldsFragmentDoc,
    "\n  fragment PoolCardFields on Pool {\n    id\n    name\n    currency\n    status\n    memberCount\n    openAlertCount\n    cashBalance {\n      amount\n      currency\n    }\n    pendingContributions {\n      amount\n      currency\n    }\n    totalContributed {\n      amount\n      currency\n    }\n    totalDistributed {\n      amount\n      currency\n    }\n    totalProceeds {\n      amount\n      currency\n    }\n    targetAmount {\n      amount\n      currency\n    }\n  }\n": typeof types.PoolCardFieldsFragmentDoc,
    "\n  subscription PoolBalance($poolId: ID!) {\n    balanceChanged(poolId: $poolId) {\n      cashBalance {\n        amount\n        currency\n      }\n      transaction {\n        id\n      }\n      pool {\n        ...PoolCardFields\n      }\n    }\n  }\n": typeof types.PoolBalanceDocument,
    "\n  mutation CreatePool($input: CreatePoolInput!) {\n    createPool(input: $input) {\n      ...PoolCardFields\n      description\n      minContribution {\n        amount\n        currency\n      }\n      maxInvestors\n    }\n  }\n": typeof types.CreatePoolDocument,
    "\n  mutation UpdatePool($id: ID!, $input: UpdatePoolInput!) {\n    updatePool(id: $id, input: $input) {\n      ...PoolCardFields\n      description\n      minContribution {\n        amount\n        currency\n      }\n      maxInvestors\n    }\n  }\n": typeof types.UpdatePoolDocument,
    "\n  mutation RecordProceeds(\n    $poolId: ID!\n    $amount: Decimal!\n    $note: String!\n    $occurredAt: DateTime\n    $key: String!\n  ) {\n    recordProceeds(\n      poolId: $poolId\n      amount: $amount\n      note: $note\n      occurredAt: $occurredAt\n      idempotencyKey: $key\n    ) {\n      ...TransactionRowFields\n    }\n  }\n": typeof types.RecordProceedsDocument,
    "\n  query SecondFactorReminder {\n    me {\n      id\n      secondFactor {\n        enabled\n        mustEnrol\n      }\n    }\n  }\n": typeof types.SecondFactorReminderDocument,
    "\n  mutation SetPoolTerms($poolId: ID!, $input: PoolTermsInput!) {\n    setPoolTerms(poolId: $poolId, input: $input) {\n      id\n      terms {\n        ...PoolTermsFields\n      }\n    }\n  }\n": typeof types.SetPoolTermsDocument,
    "\n  fragment PoolTermsFields on PoolTerms {\n    version\n    managementFeeBps\n    feeBasis\n    feeFrequency\n    feeHolidayMonths\n    carryBps\n    hurdleBps\n    hurdleCompounding\n    catchUp\n  }\n": typeof types.PoolTermsFieldsFragmentDoc,
    "\n  fragment TransactionRowFields on Transaction {\n    id\n    type\n    carry\n    status\n    note\n    occurredAt\n    amount {\n      amount\n      currency\n    }\n    investor {\n      id\n      name\n    }\n  }\n": typeof types.TransactionRowFieldsFragmentDoc,
    "\n  query PoolTransactions($poolId: ID!, $after: String) {\n    pool(id: $poolId) {\n      id\n      transactions(first: 20, after: $after) {\n        nodes {\n          ...TransactionRowFields\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.PoolTransactionsDocument,
    "\n  mutation CancelContribution($id: ID!) {\n    cancelContribution(transactionId: $id) {\n      ...TransactionRowFields\n    }\n  }\n": typeof types.CancelContributionDocument,
    "\n  mutation ConfirmPayout($id: ID!) {\n    confirmPayout(transactionId: $id) {\n      ...TransactionRowFields\n    }\n  }\n": typeof types.ConfirmPayoutDocument,
    "\n  mutation VoidPayout($id: ID!) {\n    voidPayout(transactionId: $id) {\n      ...TransactionRowFields\n    }\n  }\n": typeof types.VoidPayoutDocument,
    "\n  subscription TransactionPosted($poolId: ID!) {\n    transactionPosted(poolId: $poolId) {\n      ...TransactionRowFields\n    }\n  }\n": typeof types.TransactionPostedDocument,
    "\n  query PreviewDistribution($poolId: ID!, $amount: Decimal!) {\n    previewDistribution(poolId: $poolId, amount: $amount) {\n      waterfall\n      termsVersion\n      members {\n        investor {\n          id\n          name\n        }\n        capital {\n          amount\n          currency\n        }\n        returnOfCapital {\n          amount\n          currency\n        }\n        preferredReturn {\n          amount\n          currency\n        }\n        profitShare {\n          amount\n          currency\n        }\n        total {\n          amount\n          currency\n        }\n      }\n      catchUp {\n        amount\n        currency\n      }\n      carriedInterest {\n        amount\n        currency\n      }\n      carry {\n        amount\n        currency\n      }\n      carryRecipient {\n        id\n        name\n      }\n    }\n  }\n": typeof types.PreviewDistributionDocument,
    "\n  mutation ConfirmBankTransfer($reference: String!, $amount: Decimal!) {\n    confirmBankTransfer(reference: $reference, amount: $amount) {\n      id\n      status\n      amount {\n        amount\n        currency\n      }\n    }\n  }\n": typeof types.ConfirmBankTransferDocument,
    "\n  mutation StartContribution(\n    $poolId: ID!\n    $amount: Decimal!\n    $method: PaymentMethod!\n    $key: String!\n  ) {\n    startContribution(poolId: $poolId, amount: $amount, method: $method, idempotencyKey: $key) {\n      id\n      method\n      clientSecret\n      providerStatus\n      bankTransfer {\n        reference\n        beneficiary\n        iban\n        bic\n        amount {\n          amount\n          currency\n        }\n      }\n      transaction {\n        id\n        status\n        expiresAt\n        amount {\n          amount\n          currency\n        }\n      }\n    }\n  }\n": typeof types.StartContributionDocument,
    "\n  query TopInvestors($currency: String!) {\n    topInvestors(limit: 10, currency: $currency) {\n      investor {\n        id\n        name\n      }\n      uniquePools\n      totalInvested {\n        amount\n        currency\n      }\n    }\n  }\n": typeof types.TopInvestorsDocument,
    "\n  query ReportPools($after: String) {\n    poolsConnection(first: 100, after: $after) {\n      edges {\n        node {\n          id\n          name\n          currency\n          manager {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ReportPoolsDocument,
    "\n  query PoolPerformance($poolId: ID!) {\n    poolPerformance(poolId: $poolId) {\n      committed {\n        amount\n        currency\n      }\n      called {\n        amount\n        currency\n      }\n      contributed {\n        amount\n        currency\n      }\n      distributed {\n        amount\n        currency\n      }\n      fees {\n        amount\n        currency\n      }\n      cash {\n        amount\n        currency\n      }\n      investorCount\n      dpi\n      ...PerformanceFiguresFields\n      byDay {\n        period\n        contributed {\n          amount\n          currency\n        }\n        distributed {\n          amount\n          currency\n        }\n      }\n      byMonth {\n        period\n        contributed {\n          amount\n          currency\n        }\n        distributed {\n          amount\n          currency\n        }\n      }\n    }\n  }\n": typeof types.PoolPerformanceDocument,
    "\n  query Account {\n    me {\n      id\n      email\n      name\n      phone\n      roles\n      secondFactor {\n        enabled\n        mustEnrol\n        requireSetting\n        recoveryCodesLeft\n      }\n      payoutDetails {\n        accountHolder\n        maskedIban\n        bic\n      }\n    }\n    mySessions {\n      id\n      startedAt\n      lastActiveAt\n      current\n    }\n  }\n": typeof types.AccountDocument,
    "\n  mutation RequestEmailChange($newEmail: String!, $currentPassword: String!) {\n    requestEmailChange(newEmail: $newEmail, currentPassword: $currentPassword) {\n      email\n      expiresAt\n    }\n  }\n": typeof types.RequestEmailChangeDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      accessToken\n      refreshToken\n      user {\n        ...SessionUserFields\n      }\n    }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation SetPayoutDetails($input: PayoutDetailsInput!) {\n    setPayoutDetails(input: $input) {\n      accountHolder\n      maskedIban\n      bic\n    }\n  }\n": typeof types.SetPayoutDetailsDocument,
    "\n  mutation UpdateProfile($input: ProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      name\n      phone\n    }\n  }\n": typeof types.UpdateProfileDocument,
    "\n  mutation StartTotpEnrolment {\n    startTotpEnrolment {\n      secret\n      uri\n    }\n  }\n": typeof types.StartTotpEnrolmentDocument,
    "\n  mutation ConfirmTotpEnrolment($code: String!) {\n    confirmTotpEnrolment(code: $code) {\n      recoveryCodes\n      session {\n        accessToken\n        refreshToken\n        user {\n          ...SessionUserFields\n        }\n      }\n    }\n  }\n": typeof types.ConfirmTotpEnrolmentDocument,
    "\n  mutation DisableTotp($password: String!, $code: String!) {\n    disableTotp(password: $password, code: $code) {\n      id\n    }\n  }\n": typeof types.DisableTotpDocument,
    "\n  mutation SetSecondFactorRequired($required: Boolean!) {\n    setSecondFactorRequired(required: $required) {\n      id\n    }\n  }\n": typeof types.SetSecondFactorRequiredDocument,
    "\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n": typeof types.RevokeSessionDocument,
    "\n  fragment ApiKeyFields on ApiKey {\n    id\n    name\n    scopes\n    prefix\n    createdAt\n    lastUsedAt\n    revokedAt\n    kind\n    expiresAt\n  }\n": typeof types.ApiKeyFieldsFragmentDoc,
    "\n  query ApiKeys {\n    apiKeys {\n      ...ApiKeyFields\n    }\n  }\n": typeof types.ApiKeysDocument,
    "\n  mutation CreateApiKey($name: String!, $scopes: [String!]!) {\n    createApiKey(name: $name, scopes: $scopes) {\n      apiKey {\n        ...ApiKeyFields\n      }\n      secret\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyFields\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  mutation ConfirmEmailChange($token: String!) {\n    confirmEmailChange(token: $token)\n  }\n": typeof types.ConfirmEmailChangeDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword) {\n      accessToken\n      refreshToken\n      user {\n        ...SessionUserFields\n      }\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  query TransactionHistory($filter: TransactionHistoryFilter, $first: Int, $after: String) {\n    transactionHistory(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        type\n        status\n        amount {\n          amount\n          currency\n        }\n        pool {\n          id\n          name\n        }\n        occurredAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.TransactionHistoryDocument,
    "\n  query TransactionHistoryCsv($filter: TransactionHistoryFilter) {\n    transactionHistoryCsv(filter: $filter)\n  }\n": typeof types.TransactionHistoryCsvDocument,
    "\n  query HistoryPools {\n    me {\n      id\n      memberships {\n        id\n        pool {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.HistoryPoolsDocument,
    "\n  query MyInvitations {\n    myInvitations {\n      id\n      status\n      poolName\n      expiresAt\n      pool {\n        id\n        name\n        description\n        currency\n        status\n        memberCount\n        manager {\n          id\n          name\n        }\n        targetAmount {\n          amount\n          currency\n        }\n        minContribution {\n          amount\n          currency\n        }\n      }\n    }\n  }\n": typeof types.MyInvitationsDocument,
    "\n  mutation AcceptInvitation($id: ID!, $commitment: Decimal!) {\n    acceptInvitation(id: $id, commitment: $commitment) {\n      id\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation DeclineInvitation($id: ID!) {\n    declineInvitation(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.DeclineInvitationDocument,
    "\n  query InviteLink($token: String!) {\n    inviteLink(token: $token) {\n      status\n      expiresAt\n      poolName\n      pool {\n        id\n        name\n        description\n        currency\n        status\n        manager {\n          id\n          name\n        }\n        targetAmount {\n          amount\n          currency\n        }\n        minContribution {\n          amount\n          currency\n        }\n      }\n    }\n  }\n": typeof types.InviteLinkDocument,
    "\n  mutation AcceptInviteLink($token: String!, $commitment: Decimal!) {\n    acceptInviteLink(token: $token, commitment: $commitment) {\n      id\n    }\n  }\n": typeof types.AcceptInviteLinkDocument,
    "\n  query MyNotices($first: Int, $after: ID, $unreadOnly: Boolean) {\n    notices(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      id\n      kind\n      amount {\n        amount\n        currency\n      }\n      pool {\n        id\n        name\n      }\n      dueDate\n      createdAt\n      readAt\n    }\n    unreadNoticeCount\n  }\n": typeof types.MyNoticesDocument,
    "\n  mutation MarkNoticesRead($ids: [ID!]) {\n    markNoticesRead(ids: $ids)\n  }\n": typeof types.MarkNoticesReadDocument,
    "\n  query OpenPools($after: String) {\n    poolsConnection(first: 100, after: $after) {\n      edges {\n        node {\n          id\n          name\n          description\n          currency\n          status\n          visibility\n          memberCount\n          maxInvestors\n          manager {\n            id\n            name\n          }\n          targetAmount {\n            amount\n            currency\n          }\n          minContribution {\n            amount\n            currency\n          }\n          terms {\n            ...PoolTermsFields\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    me {\n      id\n      memberships {\n        id\n        pool {\n          id\n        }\n      }\n    }\n  }\n": typeof types.OpenPoolsDocument,
    "\n  mutation JoinPool($poolId: ID!, $commitment: Decimal!) {\n    joinPool(poolId: $poolId, commitment: $commitment) {\n      id\n    }\n  }\n": typeof types.JoinPoolDocument,
    "\n  fragment PositionCardFields on Membership {\n    id\n    commitment {\n      amount\n      currency\n    }\n    called {\n      amount\n      currency\n    }\n    outstanding {\n      amount\n      currency\n    }\n    pool {\n      id\n      name\n      currency\n      status\n      terms {\n        ...PoolTermsFields\n      }\n    }\n    position {\n      contributed {\n        amount\n        currency\n      }\n      distributed {\n        amount\n        currency\n      }\n      proceeds {\n        amount\n        currency\n      }\n      fees {\n        amount\n        currency\n      }\n      capital {\n        amount\n        currency\n      }\n      pending {\n        amount\n        currency\n      }\n      unfundedCommitment {\n        amount\n        currency\n      }\n    }\n  }\n": typeof types.PositionCardFieldsFragmentDoc,
    "\n  query MyPositions {\n    me {\n      id\n      memberships {\n        ...PositionCardFields\n      }\n    }\n  }\n": typeof types.MyPositionsDocument,
    "\n  query MyPerformance($investorId: ID!) {\n    investorPerformance(investorId: $investorId) {\n      pool {\n        id\n      }\n      navShare {\n        amount\n        currency\n      }\n      dpi\n      rvpi\n      tvpi\n      moic\n      irr\n    }\n  }\n": typeof types.MyPerformanceDocument,
    "\n  subscription PositionEvents($poolId: ID!) {\n    balanceChanged(poolId: $poolId) {\n      transaction {\n        id\n      }\n    }\n  }\n": typeof types.PositionEventsDocument,
    "\n  query InvestorStatement($investorId: ID!, $from: DateTime, $to: DateTime) {\n    investorStatement(investorId: $investorId, from: $from, to: $to) {\n      from\n      to\n      csv\n      lines {\n        pool {\n          id\n          name\n        }\n        openingBalance {\n          amount\n          currency\n        }\n        contributions {\n          amount\n          currency\n        }\n        distributions {\n          amount\n          currency\n        }\n        fees {\n          amount\n          currency\n        }\n        withdrawals {\n          amount\n          currency\n        }\n        closingBalance {\n          amount\n          currency\n        }\n      }\n    }\n  }\n": typeof types.InvestorStatementDocument,
    "\n  fragment AlertRuleFields on AlertRule {\n    id\n    kind\n    enabled\n    isDefault\n    threshold {\n      amount\n      currency\n    }\n    spikeFactor\n    windowSeconds\n    baselineSeconds\n    minCount\n  }\n": typeof types.AlertRuleFieldsFragmentDoc,
    "\n  query AlertRules($poolId: ID!) {\n    alertRules(poolId: $poolId) {\n      ...AlertRuleFields\n    }\n  }\n": typeof types.AlertRulesDocument,
    "\n  mutation SetAlertRule($input: AlertRuleInput!) {\n    setAlertRule(input: $input) {\n      ...AlertRuleFields\n    }\n  }\n": typeof types.SetAlertRuleDocument,
    "\n  query AlertsInbox($status: AlertStatus, $after: String) {\n    alertsConnection(status: $status, first: 100, after: $after) {\n      edges {\n        node {\n          id\n          kind\n          message\n          status\n          raisedAt\n          pool {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AlertsInboxDocument,
    "\n  mutation AcknowledgeAlert($id: ID!) {\n    acknowledgeAlert(id: $id) {\n      id\n      status\n      pool {\n        id\n        openAlertCount\n      }\n    }\n  }\n": typeof types.AcknowledgeAlertDocument,
    "\n  query ManagerDashboard {\n    me {\n      id\n      managedPools {\n        ...PoolCardFields\n      }\n    }\n  }\n": typeof types.ManagerDashboardDocument,
    "\n  query PoolInvitations($id: ID!) {\n    pool(id: $id) {\n      id\n      name\n      status\n      visibility\n      invitations {\n        id\n        kind\n        email\n        status\n        expiresAt\n        maxUses\n        uses\n        createdAt\n      }\n    }\n  }\n": typeof types.PoolInvitationsDocument,
    "\n  mutation SetPoolVisibility($id: ID!, $visibility: PoolVisibility!) {\n    setPoolVisibility(id: $id, visibility: $visibility) {\n      id\n      visibility\n    }\n  }\n": typeof types.SetPoolVisibilityDocument,
    "\n  mutation InviteByEmail($poolId: ID!, $email: String!) {\n    inviteByEmail(poolId: $poolId, email: $email) {\n      id\n      email\n    }\n  }\n": typeof types.InviteByEmailDocument,
    "\n  mutation CreateInviteLink($poolId: ID!, $maxUses: Int, $expiresInDays: Int) {\n    createInviteLink(poolId: $poolId, maxUses: $maxUses, expiresInDays: $expiresInDays) {\n      token\n      invitation {\n        id\n      }\n    }\n  }\n": typeof types.CreateInviteLinkDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  mutation CreatePartnerKey($input: PartnerKeyInput!) {\n    createPartnerKey(input: $input) {\n      apiKey {\n        ...PartnerKeyFields\n      }\n      secret\n    }\n  }\n": typeof types.CreatePartnerKeyDocument,
    "\n  fragment PartnerKeyFields on ApiKey {\n    id\n    name\n    scopes\n    prefix\n    poolIds\n    note\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n": typeof types.PartnerKeyFieldsFragmentDoc,
    "\n  query PartnerKeys {\n    apiKeys {\n      ...PartnerKeyFields\n    }\n    me {\n      id\n      managedPools {\n        id\n        name\n      }\n    }\n  }\n": typeof types.PartnerKeysDocument,
    "\n  mutation RevokePartnerKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...PartnerKeyFields\n    }\n  }\n": typeof types.RevokePartnerKeyDocument,
    "\n  query PoolPerformancePanel($poolId: ID!) {\n    poolPerformance(poolId: $poolId) {\n      ...PerformanceFiguresFields\n      valuations {\n        id\n        date\n        value {\n          amount\n          currency\n        }\n        note\n        recordedAt\n        recordedBy {\n          id\n          name\n        }\n      }\n      investors {\n        investor {\n          id\n          name\n        }\n        contributed {\n          amount\n          currency\n        }\n        distributed {\n          amount\n          currency\n        }\n        navShare {\n          amount\n          currency\n        }\n        tvpi\n        irr\n      }\n    }\n  }\n": typeof types.PoolPerformancePanelDocument,
    "\n  query PoolPage($id: ID!, $after: String) {\n    pool(id: $id) {\n      ...PoolCardFields\n      description\n      totalFees {\n        amount\n        currency\n      }\n      pendingContributions {\n        amount\n        currency\n      }\n      suspense {\n        amount\n        currency\n      }\n      minContribution {\n        amount\n        currency\n      }\n      maxInvestors\n      membersConnection(first: 500, after: $after) {\n        edges {\n          node {\n            ...MemberRowFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      capitalCalls {\n        id\n        percent\n        dueDate\n        totalCalled {\n          amount\n          currency\n        }\n      }\n    }\n  }\n": typeof types.PoolPageDocument,
    "\n  mutation OpenPool($id: ID!) {\n    openPool(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.OpenPoolDocument,
    "\n  mutation ClosePool($id: ID!) {\n    closePool(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.ClosePoolDocument,
    "\n  mutation ArchivePool($id: ID!) {\n    archivePool(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.ArchivePoolDocument,
    "\n  query PoolTermsPanel($id: ID!) {\n    pool(id: $id) {\n      id\n      status\n      terms {\n        ...PoolTermsFields\n      }\n      termsHistory {\n        ...PoolTermsFields\n        poolStatus\n        setAt\n        setBy {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.PoolTermsPanelDocument,
    "\n  mutation RecordValuation($input: RecordValuationInput!) {\n    recordValuation(input: $input) {\n      id\n      date\n      value {\n        amount\n        currency\n      }\n    }\n  }\n": typeof types.RecordValuationDocument,
    "\n  query NotificationChannels {\n    notificationChannels {\n      id\n      kind\n      url\n      email\n      enabled\n      createdAt\n    }\n  }\n": typeof types.NotificationChannelsDocument,
    "\n  mutation AddWebhook($input: NotificationChannelInput!) {\n    addNotificationChannel(input: $input) {\n      channel {\n        id\n        kind\n        url\n      }\n      secret\n    }\n  }\n": typeof types.AddWebhookDocument,
    "\n  mutation RemoveNotificationChannel($id: ID!) {\n    removeNotificationChannel(id: $id)\n  }\n": typeof types.RemoveNotificationChannelDocument,
};
const documents: Documents = {
    "\n  fragment SessionUserFields on User {\n    id\n    email\n    name\n    roles\n  }\n": types.SessionUserFieldsFragmentDoc,
    "\n  mutation LogIn($email: String!, $password: String!) {\n    logIn(email: $email, password: $password) {\n      accessToken\n      refreshToken\n      user {\n        ...SessionUserFields\n      }\n    }\n  }\n": types.LogInDocument,
    "\n  mutation StartLogIn($email: String!, $password: String!) {\n    startLogIn(email: $email, password: $password) {\n      __typename\n      ... on AuthPayload {\n        accessToken\n        refreshToken\n        user {\n          ...SessionUserFields\n        }\n      }\n      ... on SecondFactorChallenge {\n        challenge\n        expiresAt\n      }\n    }\n  }\n": types.StartLogInDocument,
    "\n  mutation FinishLogIn($challenge: String!, $code: String!) {\n    finishLogIn(challenge: $challenge, code: $code) {\n      accessToken\n      refreshToken\n      user {\n        ...SessionUserFields\n      }\n    }\n  }\n": types.FinishLogInDocument,
    "\n  mutation StepUp($code: String!) {\n    stepUp(code: $code) {\n      accessToken\n      validUntil\n    }\n  }\n": types.StepUpDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      accessToken\n      refreshToken\n      user {\n        ...SessionUserFields\n      }\n    }\n  }\n": types.SignUpDocument,
    "\n  mutation RequestSignUp($input: SignUpInput!) {\n    requestSignUp(input: $input) {\n      email\n      expiresAt\n    }\n  }\n": types.RequestSignUpDocument,
    "\n  mutation ConfirmSignUp($token: String!) {\n    confirmSignUp(token: $token) {\n      accessToken\n      refreshToken\n      user {\n        ...SessionUserFields\n      }\n    }\n  }\n": types.ConfirmSignUpDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n      user {\n        ...SessionUserFields\n      }\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  mutation LogOut($refreshToken: String!) {\n    logOut(refreshToken: $refreshToken)\n  }\n": types.LogOutDocument,
    "\n  subscription AlertRaised {\n    alertRaised {\n      id\n      kind\n      message\n      status\n      raisedAt\n      pool {\n        id\n        name\n        openAlertCount\n      }\n    }\n  }\n": types.AlertRaisedDocument,
    "\n  fragment DistributionMemberFields on Membership {\n    id\n    investor {\n      id\n      name\n    }\n    position {\n      contributed {\n        amount\n        currency\n      }\n      withdrawn {\n        amount\n        currency\n      }\n    }\n  }\n": types.DistributionMemberFieldsFragmentDoc,
    "\n  query HeldPayments($poolId: ID!) {\n    paymentMismatches(poolId: $poolId) {\n      kind\n      provider\n      providerAmount {\n        amount\n        currency\n      }\n      transaction {\n        id\n        status\n        investor {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.HeldPaymentsDocument,
    "\n  mutation RefundPayment($id: ID!) {\n    refundPayment(transactionId: $id) {\n      id\n      held {\n        amount\n        currency\n      }\n      refunded {\n        amount\n        currency\n      }\n    }\n  }\n": types.RefundPaymentDocument,
    "\n  fragment MemberRowFields on Membership {\n    id\n    investor {\n      id\n      name\n    }\n    commitment {\n      amount\n      currency\n    }\n    outstanding {\n      amount\n      currency\n    }\n    position {\n      contributed {\n        amount\n        currency\n      }\n      distributed {\n        amount\n        currency\n      }\n      proceeds {\n        amount\n        currency\n      }\n      fees {\n        amount\n        currency\n      }\n      capital {\n        amount\n        currency\n      }\n      pending {\n        amount\n        currency\n      }\n    }\n    ...DistributionMemberFields\n  }\n": types.MemberRowFieldsFragmentDoc,
    "\n  mutation RemoveMember($poolId: ID!, $investorId: ID!) {\n    removeMember(poolId: $poolId, investorId: $investorId) {\n      id\n      memberCount\n    }\n  }\n": types.RemoveMemberDocument,
    "\n  mutation RecordContribution($poolId: ID!, $investorId: ID!, $amount: Decimal!, $key: String!) {\n    recordContribution(\n      poolId: $poolId\n      investorId: $investorId\n      amount: $amount\n      idempotencyKey: $key\n    ) {\n      id\n    }\n  }\n": types.RecordContributionDocument,
    "\n  mutation Distribute($poolId: ID!, $amount: Decimal!, $key: String!) {\n    distribute(poolId: $poolId, amount: $amount, idempotencyKey: $key) {\n      id\n    }\n  }\n": types.DistributeDocument,
    "\n  mutation ChargeFee($poolId: ID!, $amount: Decimal!, $key: String!) {\n    chargeFee(poolId: $poolId, amount: $amount, idempotencyKey: $key) {\n      id\n    }\n  }\n": types.ChargeFeeDocument,
    "\n  mutation CallCapital($poolId: ID!, $percent: Float!, $dueDate: DateTime!) {\n    callCapital(poolId: $poolId, percent: $percent, dueDate: $dueDate) {\n      id\n      totalCalled {\n        amount\n        currency\n      }\n    }\n  }\n": types.CallCapitalDocument,
    "\n  fragment NextManagementFeeFields on ManagementFeePreview {\n    termsVersion\n    period\n    periodStart\n    periodEnd\n    dueAt\n    overdue\n    frequency\n    basis\n    rateBps\n    basisAmount {\n      amount\n      currency\n    }\n    amount {\n      amount\n      currency\n    }\n    members {\n      investor {\n        id\n        name\n      }\n      amount {\n        amount\n        currency\n      }\n    }\n  }\n": types.NextManagementFeeFieldsFragmentDoc,
    "\n  query NextManagementFee($poolId: ID!) {\n    managementFeePreview(poolId: $poolId) {\n      pool {\n        id\n      }\n      ...NextManagementFeeFields\n    }\n  }\n": types.NextManagementFeeDocument,
    "\n  query UnreadNoticeCount {\n    unreadNoticeCount\n  }\n": types.UnreadNoticeCountDocument,
    "\n  subscription NoticeReceived {\n    noticeReceived {\n      id\n    }\n  }\n": types.NoticeReceivedDocument,
    "\n  fragment PerformanceFiguresFields on PoolPerformance {\n    nav {\n      amount\n      currency\n    }\n    navDate\n    dpi\n    rvpi\n    tvpi\n    moic\n    irr\n  }\n": types.PerformanceFiguresFieldsFragmentDoc,
    "\n  fragment PoolCardFields on Pool {\n    id\n    name\n    currency\n    status\n    memberCount\n    openAlertCount\n    cashBalance {\n      amount\n      currency\n    }\n    pendingContributions {\n      amount\n      currency\n    }\n    totalContributed {\n      amount\n      currency\n    }\n    totalDistributed {\n      amount\n      currency\n    }\n    totalProceeds {\n      amount\n      currency\n    }\n    targetAmount {\n      amount\n      currency\n    }\n  }\n": types.PoolCardFieldsFragmentDoc,
    "\n  subscription PoolBalance($poolId: ID!) {\n    balanceChanged(poolId: $poolId) {\n      cashBalance {\n        amount\n        currency\n      }\n      transaction {\n        id\n      }\n      pool {\n        ...PoolCardFields\n      }\n    }\n  }\n": types.PoolBalanceDocument,
    "\n  mutation CreatePool($input: CreatePoolInput!) {\n    createPool(input: $input) {\n      ...PoolCardFields\n      description\n      minContribution {\n        amount\n        currency\n      }\n      maxInvestors\n    }\n  }\n": types.CreatePoolDocument,
    "\n  mutation UpdatePool($id: ID!, $input: UpdatePoolInput!) {\n    updatePool(id: $id, input: $input) {\n      ...PoolCardFields\n      description\n      minContribution {\n        amount\n        currency\n      }\n      maxInvestors\n    }\n  }\n": types.UpdatePoolDocument,
    "\n  mutation RecordProceeds(\n    $poolId: ID!\n    $amount: Decimal!\n    $note: String!\n    $occurredAt: DateTime\n    $key: String!\n  ) {\n    recordProceeds(\n      poolId: $poolId\n      amount: $amount\n      note: $note\n      occurredAt: $occurredAt\n      idempotencyKey: $key\n    ) {\n      ...TransactionRowFields\n    }\n  }\n": types.RecordProceedsDocument,
    "\n  query SecondFactorReminder {\n    me {\n      id\n      secondFactor {\n        enabled\n        mustEnrol\n      }\n    }\n  }\n": types.SecondFactorReminderDocument,
    "\n  mutation SetPoolTerms($poolId: ID!, $input: PoolTermsInput!) {\n    setPoolTerms(poolId: $poolId, input: $input) {\n      id\n      terms {\n        ...PoolTermsFields\n      }\n    }\n  }\n": types.SetPoolTermsDocument,
    "\n  fragment PoolTermsFields on PoolTerms {\n    version\n    managementFeeBps\n    feeBasis\n    feeFrequency\n    feeHolidayMonths\n    carryBps\n    hurdleBps\n    hurdleCompounding\n    catchUp\n  }\n": types.PoolTermsFieldsFragmentDoc,
    "\n  fragment TransactionRowFields on Transaction {\n    id\n    type\n    carry\n    status\n    note\n    occurredAt\n    amount {\n      amount\n      currency\n    }\n    investor {\n      id\n      name\n    }\n  }\n": types.TransactionRowFieldsFragmentDoc,
    "\n  query PoolTransactions($poolId: ID!, $after: String) {\n    pool(id: $poolId) {\n      id\n      transactions(first: 20, after: $after) {\n        nodes {\n          ...TransactionRowFields\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.PoolTransactionsDocument,
    "\n  mutation CancelContribution($id: ID!) {\n    cancelContribution(transactionId: $id) {\n      ...TransactionRowFields\n    }\n  }\n": types.CancelContributionDocument,
    "\n  mutation ConfirmPayout($id: ID!) {\n    confirmPayout(transactionId: $id) {\n      ...TransactionRowFields\n    }\n  }\n": types.ConfirmPayoutDocument,
    "\n  mutation VoidPayout($id: ID!) {\n    voidPayout(transactionId: $id) {\n      ...TransactionRowFields\n    }\n  }\n": types.VoidPayoutDocument,
    "\n  subscription TransactionPosted($poolId: ID!) {\n    transactionPosted(poolId: $poolId) {\n      ...TransactionRowFields\n    }\n  }\n": types.TransactionPostedDocument,
    "\n  query PreviewDistribution($poolId: ID!, $amount: Decimal!) {\n    previewDistribution(poolId: $poolId, amount: $amount) {\n      waterfall\n      termsVersion\n      members {\n        investor {\n          id\n          name\n        }\n        capital {\n          amount\n          currency\n        }\n        returnOfCapital {\n          amount\n          currency\n        }\n        preferredReturn {\n          amount\n          currency\n        }\n        profitShare {\n          amount\n          currency\n        }\n        total {\n          amount\n          currency\n        }\n      }\n      catchUp {\n        amount\n        currency\n      }\n      carriedInterest {\n        amount\n        currency\n      }\n      carry {\n        amount\n        currency\n      }\n      carryRecipient {\n        id\n        name\n      }\n    }\n  }\n": types.PreviewDistributionDocument,
    "\n  mutation ConfirmBankTransfer($reference: String!, $amount: Decimal!) {\n    confirmBankTransfer(reference: $reference, amount: $amount) {\n      id\n      status\n      amount {\n        amount\n        currency\n      }\n    }\n  }\n": types.ConfirmBankTransferDocument,
    "\n  mutation StartContribution(\n    $poolId: ID!\n    $amount: Decimal!\n    $method: PaymentMethod!\n    $key: String!\n  ) {\n    startContribution(poolId: $poolId, amount: $amount, method: $method, idempotencyKey: $key) {\n      id\n      method\n      clientSecret\n      providerStatus\n      bankTransfer {\n        reference\n        beneficiary\n        iban\n        bic\n        amount {\n          amount\n          currency\n        }\n      }\n      transaction {\n        id\n        status\n        expiresAt\n        amount {\n          amount\n          currency\n        }\n      }\n    }\n  }\n": types.StartContributionDocument,
    "\n  query TopInvestors($currency: String!) {\n    topInvestors(limit: 10, currency: $currency) {\n      investor {\n        id\n        name\n      }\n      uniquePools\n      totalInvested {\n        amount\n        currency\n      }\n    }\n  }\n": types.TopInvestorsDocument,
    "\n  query ReportPools($after: String) {\n    poolsConnection(first: 100, after: $after) {\n      edges {\n        node {\n          id\n          name\n          currency\n          manager {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ReportPoolsDocument,
    "\n  query PoolPerformance($poolId: ID!) {\n    poolPerformance(poolId: $poolId) {\n      committed {\n        amount\n        currency\n      }\n      called {\n        amount\n        currency\n      }\n      contributed {\n        amount\n        currency\n      }\n      distributed {\n        amount\n        currency\n      }\n      fees {\n        amount\n        currency\n      }\n      cash {\n        amount\n        currency\n      }\n      investorCount\n      dpi\n      ...PerformanceFiguresFields\n      byDay {\n        period\n        contributed {\n          amount\n          currency\n        }\n        distributed {\n          amount\n          currency\n        }\n      }\n      byMonth {\n        period\n        contributed {\n          amount\n          currency\n        }\n        distributed {\n          amount\n          currency\n        }\n      }\n    }\n  }\n": types.PoolPerformanceDocument,
    "\n  query Account {\n    me {\n      id\n      email\n      name\n      phone\n      roles\n      secondFactor {\n        enabled\n        mustEnrol\n        requireSetting\n        recoveryCodesLeft\n      }\n      payoutDetails {\n        accountHolder\n        maskedIban\n        bic\n      }\n    }\n    mySessions {\n      id\n      startedAt\n      lastActiveAt\n      current\n    }\n  }\n": types.AccountDocument,
    "\n  mutation RequestEmailChange($newEmail: String!, $currentPassword: String!) {\n    requestEmailChange(newEmail: $newEmail, currentPassword: $currentPassword) {\n      email\n      expiresAt\n    }\n  }\n": types.RequestEmailChangeDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      accessToken\n      refreshToken\n      user {\n        ...SessionUserFields\n      }\n    }\n  }\n": types.ChangePasswordDocument,
    "\n  mutation SetPayoutDetails($input: PayoutDetailsInput!) {\n    setPayoutDetails(input: $input) {\n      accountHolder\n      maskedIban\n      bic\n    }\n  }\n": types.SetPayoutDetailsDocument,
    "\n  mutation UpdateProfile($input: ProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      name\n      phone\n    }\n  }\n": types.UpdateProfileDocument,
    "\n  mutation StartTotpEnrolment {\n    startTotpEnrolment {\n      secret\n      uri\n    }\n  }\n": types.StartTotpEnrolmentDocument,
    "\n  mutation ConfirmTotpEnrolment($code: String!) {\n    confirmTotpEnrolment(code: $code) {\n      recoveryCodes\n      session {\n        accessToken\n        refreshToken\n        user {\n          ...SessionUserFields\n        }\n      }\n    }\n  }\n": types.ConfirmTotpEnrolmentDocument,
    "\n  mutation DisableTotp($password: String!, $code: String!) {\n    disableTotp(password: $password, code: $code) {\n      id\n    }\n  }\n": types.DisableTotpDocument,
    "\n  mutation SetSecondFactorRequired($required: Boolean!) {\n    setSecondFactorRequired(required: $required) {\n      id\n    }\n  }\n": types.SetSecondFactorRequiredDocument,
    "\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n": types.RevokeSessionDocument,
    "\n  fragment ApiKeyFields on ApiKey {\n    id\n    name\n    scopes\n    prefix\n    createdAt\n    lastUsedAt\n    revokedAt\n    kind\n    expiresAt\n  }\n": types.ApiKeyFieldsFragmentDoc,
    "\n  query ApiKeys {\n    apiKeys {\n      ...ApiKeyFields\n    }\n  }\n": types.ApiKeysDocument,
    "\n  mutation CreateApiKey($name: String!, $scopes: [String!]!) {\n    createApiKey(name: $name, scopes: $scopes) {\n      apiKey {\n        ...ApiKeyFields\n      }\n      secret\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyFields\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  mutation ConfirmEmailChange($token: String!) {\n    confirmEmailChange(token: $token)\n  }\n": types.ConfirmEmailChangeDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword) {\n      accessToken\n      refreshToken\n      user {\n        ...SessionUserFields\n      }\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  query TransactionHistory($filter: TransactionHistoryFilter, $first: Int, $after: String) {\n    transactionHistory(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        type\n        status\n        amount {\n          amount\n          currency\n        }\n        pool {\n          id\n          name\n        }\n        occurredAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.TransactionHistoryDocument,
    "\n  query TransactionHistoryCsv($filter: TransactionHistoryFilter) {\n    transactionHistoryCsv(filter: $filter)\n  }\n": types.TransactionHistoryCsvDocument,
    "\n  query HistoryPools {\n    me {\n      id\n      memberships {\n        id\n        pool {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.HistoryPoolsDocument,
    "\n  query MyInvitations {\n    myInvitations {\n      id\n      status\n      poolName\n      expiresAt\n      pool {\n        id\n        name\n        description\n        currency\n        status\n        memberCount\n        manager {\n          id\n          name\n        }\n        targetAmount {\n          amount\n          currency\n        }\n        minContribution {\n          amount\n          currency\n        }\n      }\n    }\n  }\n": types.MyInvitationsDocument,
    "\n  mutation AcceptInvitation($id: ID!, $commitment: Decimal!) {\n    acceptInvitation(id: $id, commitment: $commitment) {\n      id\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation DeclineInvitation($id: ID!) {\n    declineInvitation(id: $id) {\n      id\n      status\n    }\n  }\n": types.DeclineInvitationDocument,
    "\n  query InviteLink($token: String!) {\n    inviteLink(token: $token) {\n      status\n      expiresAt\n      poolName\n      pool {\n        id\n        name\n        description\n        currency\n        status\n        manager {\n          id\n          name\n        }\n        targetAmount {\n          amount\n          currency\n        }\n        minContribution {\n          amount\n          currency\n        }\n      }\n    }\n  }\n": types.InviteLinkDocument,
    "\n  mutation AcceptInviteLink($token: String!, $commitment: Decimal!) {\n    acceptInviteLink(token: $token, commitment: $commitment) {\n      id\n    }\n  }\n": types.AcceptInviteLinkDocument,
    "\n  query MyNotices($first: Int, $after: ID, $unreadOnly: Boolean) {\n    notices(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      id\n      kind\n      amount {\n        amount\n        currency\n      }\n      pool {\n        id\n        name\n      }\n      dueDate\n      createdAt\n      readAt\n    }\n    unreadNoticeCount\n  }\n": types.MyNoticesDocument,
    "\n  mutation MarkNoticesRead($ids: [ID!]) {\n    markNoticesRead(ids: $ids)\n  }\n": types.MarkNoticesReadDocument,
    "\n  query OpenPools($after: String) {\n    poolsConnection(first: 100, after: $after) {\n      edges {\n        node {\n          id\n          name\n          description\n          currency\n          status\n          visibility\n          memberCount\n          maxInvestors\n          manager {\n            id\n            name\n          }\n          targetAmount {\n            amount\n            currency\n          }\n          minContribution {\n            amount\n            currency\n          }\n          terms {\n            ...PoolTermsFields\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    me {\n      id\n      memberships {\n        id\n        pool {\n          id\n        }\n      }\n    }\n  }\n": types.OpenPoolsDocument,
    "\n  mutation JoinPool($poolId: ID!, $commitment: Decimal!) {\n    joinPool(poolId: $poolId, commitment: $commitment) {\n      id\n    }\n  }\n": types.JoinPoolDocument,
    "\n  fragment PositionCardFields on Membership {\n    id\n    commitment {\n      amount\n      currency\n    }\n    called {\n      amount\n      currency\n    }\n    outstanding {\n      amount\n      currency\n    }\n    pool {\n      id\n      name\n      currency\n      status\n      terms {\n        ...PoolTermsFields\n      }\n    }\n    position {\n      contributed {\n        amount\n        currency\n      }\n      distributed {\n        amount\n        currency\n      }\n      proceeds {\n        amount\n        currency\n      }\n      fees {\n        amount\n        currency\n      }\n      capital {\n        amount\n        currency\n      }\n      pending {\n        amount\n        currency\n      }\n      unfundedCommitment {\n        amount\n        currency\n      }\n    }\n  }\n": types.PositionCardFieldsFragmentDoc,
    "\n  query MyPositions {\n    me {\n      id\n      memberships {\n        ...PositionCardFields\n      }\n    }\n  }\n": types.MyPositionsDocument,
    "\n  query MyPerformance($investorId: ID!) {\n    investorPerformance(investorId: $investorId) {\n      pool {\n        id\n      }\n      navShare {\n        amount\n        currency\n      }\n      dpi\n      rvpi\n      tvpi\n      moic\n      irr\n    }\n  }\n": types.MyPerformanceDocument,
    "\n  subscription PositionEvents($poolId: ID!) {\n    balanceChanged(poolId: $poolId) {\n      transaction {\n        id\n      }\n    }\n  }\n": types.PositionEventsDocument,
    "\n  query InvestorStatement($investorId: ID!, $from: DateTime, $to: DateTime) {\n    investorStatement(investorId: $investorId, from: $from, to: $to) {\n      from\n      to\n      csv\n      lines {\n        pool {\n          id\n          name\n        }\n        openingBalance {\n          amount\n          currency\n        }\n        contributions {\n          amount\n          currency\n        }\n        distributions {\n          amount\n          currency\n        }\n        fees {\n          amount\n          currency\n        }\n        withdrawals {\n          amount\n          currency\n        }\n        closingBalance {\n          amount\n          currency\n        }\n      }\n    }\n  }\n": types.InvestorStatementDocument,
    "\n  fragment AlertRuleFields on AlertRule {\n    id\n    kind\n    enabled\n    isDefault\n    threshold {\n      amount\n      currency\n    }\n    spikeFactor\n    windowSeconds\n    baselineSeconds\n    minCount\n  }\n": types.AlertRuleFieldsFragmentDoc,
    "\n  query AlertRules($poolId: ID!) {\n    alertRules(poolId: $poolId) {\n      ...AlertRuleFields\n    }\n  }\n": types.AlertRulesDocument,
    "\n  mutation SetAlertRule($input: AlertRuleInput!) {\n    setAlertRule(input: $input) {\n      ...AlertRuleFields\n    }\n  }\n": types.SetAlertRuleDocument,
    "\n  query AlertsInbox($status: AlertStatus, $after: String) {\n    alertsConnection(status: $status, first: 100, after: $after) {\n      edges {\n        node {\n          id\n          kind\n          message\n          status\n          raisedAt\n          pool {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AlertsInboxDocument,
    "\n  mutation AcknowledgeAlert($id: ID!) {\n    acknowledgeAlert(id: $id) {\n      id\n      status\n      pool {\n        id\n        openAlertCount\n      }\n    }\n  }\n": types.AcknowledgeAlertDocument,
    "\n  query ManagerDashboard {\n    me {\n      id\n      managedPools {\n        ...PoolCardFields\n      }\n    }\n  }\n": types.ManagerDashboardDocument,
    "\n  query PoolInvitations($id: ID!) {\n    pool(id: $id) {\n      id\n      name\n      status\n      visibility\n      invitations {\n        id\n        kind\n        email\n        status\n        expiresAt\n        maxUses\n        uses\n        createdAt\n      }\n    }\n  }\n": types.PoolInvitationsDocument,
    "\n  mutation SetPoolVisibility($id: ID!, $visibility: PoolVisibility!) {\n    setPoolVisibility(id: $id, visibility: $visibility) {\n      id\n      visibility\n    }\n  }\n": types.SetPoolVisibilityDocument,
    "\n  mutation InviteByEmail($poolId: ID!, $email: String!) {\n    inviteByEmail(poolId: $poolId, email: $email) {\n      id\n      email\n    }\n  }\n": types.InviteByEmailDocument,
    "\n  mutation CreateInviteLink($poolId: ID!, $maxUses: Int, $expiresInDays: Int) {\n    createInviteLink(poolId: $poolId, maxUses: $maxUses, expiresInDays: $expiresInDays) {\n      token\n      invitation {\n        id\n      }\n    }\n  }\n": types.CreateInviteLinkDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n      status\n    }\n  }\n": types.RevokeInvitationDocument,
    "\n  mutation CreatePartnerKey($input: PartnerKeyInput!) {\n    createPartnerKey(input: $input) {\n      apiKey {\n        ...PartnerKeyFields\n      }\n      secret\n    }\n  }\n": types.CreatePartnerKeyDocument,
    "\n  fragment PartnerKeyFields on ApiKey {\n    id\n    name\n    scopes\n    prefix\n    poolIds\n    note\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n": types.PartnerKeyFieldsFragmentDoc,
    "\n  query PartnerKeys {\n    apiKeys {\n      ...PartnerKeyFields\n    }\n    me {\n      id\n      managedPools {\n        id\n        name\n      }\n    }\n  }\n": types.PartnerKeysDocument,
    "\n  mutation RevokePartnerKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...PartnerKeyFields\n    }\n  }\n": types.RevokePartnerKeyDocument,
    "\n  query PoolPerformancePanel($poolId: ID!) {\n    poolPerformance(poolId: $poolId) {\n      ...PerformanceFiguresFields\n      valuations {\n        id\n        date\n        value {\n          amount\n          currency\n        }\n        note\n        recordedAt\n        recordedBy {\n          id\n          name\n        }\n      }\n      investors {\n        investor {\n          id\n          name\n        }\n        contributed {\n          amount\n          currency\n        }\n        distributed {\n          amount\n          currency\n        }\n        navShare {\n          amount\n          currency\n        }\n        tvpi\n        irr\n      }\n    }\n  }\n": types.PoolPerformancePanelDocument,
    "\n  query PoolPage($id: ID!, $after: String) {\n    pool(id: $id) {\n      ...PoolCardFields\n      description\n      totalFees {\n        amount\n        currency\n      }\n      pendingContributions {\n        amount\n        currency\n      }\n      suspense {\n        amount\n        currency\n      }\n      minContribution {\n        amount\n        currency\n      }\n      maxInvestors\n      membersConnection(first: 500, after: $after) {\n        edges {\n          node {\n            ...MemberRowFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      capitalCalls {\n        id\n        percent\n        dueDate\n        totalCalled {\n          amount\n          currency\n        }\n      }\n    }\n  }\n": types.PoolPageDocument,
    "\n  mutation OpenPool($id: ID!) {\n    openPool(id: $id) {\n      id\n      status\n    }\n  }\n": types.OpenPoolDocument,
    "\n  mutation ClosePool($id: ID!) {\n    closePool(id: $id) {\n      id\n      status\n    }\n  }\n": types.ClosePoolDocument,
    "\n  mutation ArchivePool($id: ID!) {\n    archivePool(id: $id) {\n      id\n      status\n    }\n  }\n": types.ArchivePoolDocument,
    "\n  query PoolTermsPanel($id: ID!) {\n    pool(id: $id) {\n      id\n      status\n      terms {\n        ...PoolTermsFields\n      }\n      termsHistory {\n        ...PoolTermsFields\n        poolStatus\n        setAt\n        setBy {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.PoolTermsPanelDocument,
    "\n  mutation RecordValuation($input: RecordValuationInput!) {\n    recordValuation(input: $input) {\n      id\n      date\n      value {\n        amount\n        currency\n      }\n    }\n  }\n": types.RecordValuationDocument,
    "\n  query NotificationChannels {\n    notificationChannels {\n      id\n      kind\n      url\n      email\n      enabled\n      createdAt\n    }\n  }\n": types.NotificationChannelsDocument,
    "\n  mutation AddWebhook($input: NotificationChannelInput!) {\n    addNotificationChannel(input: $input) {\n      channel {\n        id\n        kind\n        url\n      }\n      secret\n    }\n  }\n": types.AddWebhookDocument,
    "\n  mutation RemoveNotificationChannel($id: ID!) {\n    removeNotificationChannel(id: $id)\n  }\n": types.RemoveNotificationChannelDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionUserFields on User {\n    id\n    email\n    name\n    roles\n  }\n"): (typeof documents)["\n  fragment SessionUserFields on User {\n    id\n    email\n    name\n    roles\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogIn($email: String!, $password: String!) {\n    logIn(email: $email, password: $password) {\n      accessToken\n      refreshToken\n      user {\n        ...SessionUserFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LogIn($email: String!, $password: String!) {\n    logIn(email: $email, password: $password) {\n      accessToken\n      refreshToken\n      user {\n        ...SessionUserFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartLogIn($email: String!, $password: String!) {\n    startLogIn(email: $email, password: $password) {\n      __typename\n      ... on AuthPayload {\n        accessToken\n        refreshToken\n        user {\n          ...SessionUserFields\n        }\n      }\n      ... on SecondFactorChallenge {\n        challenge\n        expiresAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StartLogIn($email: String!, $password: String!) {\n    startLogIn(email: $email, password: $password) {\n      __typename\n      ... on AuthPayload {\n        accessToken\n        refreshToken\n        user {\n          ...SessionUserFields\n        }\n      }\n      ... on SecondFactorChallenge {\n        challenge\n        expiresAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FinishLogIn($challenge: String!, $code: String!) {\n    finishLogIn(challenge: $challenge, code: $code) {\n      accessToken\n      refreshToken\n      user {\n        ...SessionUserFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation FinishLogIn($challenge: String!, $code: String!) {\n    finishLogIn(challenge: $challenge, code: $code) {\n      accessToken\n      refreshToken\n      user {\n        ...SessionUserFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StepUp($code: String!) {\n    stepUp(code: $code) {\n      accessToken\n      validUntil\n    }\n  }\n"): (typeof documents)["\n  mutation StepUp($code: String!) {\n    stepUp(code: $code) {\n      accessToken\n      validUntil\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      accessToken\n      refreshToken\n      user {\n        ...SessionUserFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      accessToken\n      refreshToken\n      user {\n        ...SessionUserFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestSignUp($input: SignUpInput!) {\n    requestSignUp(input: $input) {\n      email\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation RequestSignUp($input: SignUpInput!) {\n    requestSignUp(input: $input) {\n      email\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmSignUp($token: String!) {\n    confirmSignUp(token: $token) {\n      accessToken\n      refreshToken\n      user {\n        ...SessionUserFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmSignUp($token: String!) {\n    confirmSignUp(token: $token) {\n      accessToken\n      refreshToken\n      user {\n        ...SessionUserFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n      user {\n        ...SessionUserFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n      user {\n        ...SessionUserFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogOut($refreshToken: String!) {\n    logOut(refreshToken: $refreshToken)\n  }\n"): (typeof documents)["\n  mutation LogOut($refreshToken: String!) {\n    logOut(refreshToken: $refreshToken)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AlertRaised {\n    alertRaised {\n      id\n      kind\n      message\n      status\n      raisedAt\n      pool {\n        id\n        name\n        openAlertCount\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription AlertRaised {\n    alertRaised {\n      id\n      kind\n      message\n      status\n      raisedAt\n      pool {\n        id\n        name\n        openAlertCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DistributionMemberFields on Membership {\n    id\n    investor {\n      id\n      name\n    }\n    position {\n      contributed {\n        amount\n        currency\n      }\n      withdrawn {\n        amount\n        currency\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment DistributionMemberFields on Membership {\n    id\n    investor {\n      id\n      name\n    }\n    position {\n      contributed {\n        amount\n        currency\n      }\n      withdrawn {\n        amount\n        currency\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HeldPayments($poolId: ID!) {\n    paymentMismatches(poolId: $poolId) {\n      kind\n      provider\n      providerAmount {\n        amount\n        currency\n      }\n      transaction {\n        id\n        status\n        investor {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query HeldPayments($poolId: ID!) {\n    paymentMismatches(poolId: $poolId) {\n      kind\n      provider\n      providerAmount {\n        amount\n        currency\n      }\n      transaction {\n        id\n        status\n        investor {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefundPayment($id: ID!) {\n    refundPayment(transactionId: $id) {\n      id\n      held {\n        amount\n        currency\n      }\n      refunded {\n        amount\n        currency\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RefundPayment($id: ID!) {\n    refundPayment(transactionId: $id) {\n      id\n      held {\n        amount\n        currency\n      }\n      refunded {\n        amount\n        currency\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MemberRowFields on Membership {\n    id\n    investor {\n      id\n      name\n    }\n    commitment {\n      amount\n      currency\n    }\n    outstanding {\n      amount\n      currency\n    }\n    position {\n      contributed {\n        amount\n        currency\n      }\n      distributed {\n        amount\n        currency\n      }\n      proceeds {\n        amount\n        currency\n      }\n      fees {\n        amount\n        currency\n      }\n      capital {\n        amount\n        currency\n      }\n      pending {\n        amount\n        currency\n      }\n    }\n    ...DistributionMemberFields\n  }\n"): (typeof documents)["\n  fragment MemberRowFields on Membership {\n    id\n    investor {\n      id\n      name\n    }\n    commitment {\n      amount\n      currency\n    }\n    outstanding {\n      amount\n      currency\n    }\n    position {\n      contributed {\n        amount\n        currency\n      }\n      distributed {\n        amount\n        currency\n      }\n      proceeds {\n        amount\n        currency\n      }\n      fees {\n        amount\n        currency\n      }\n      capital {\n        amount\n        currency\n      }\n      pending {\n        amount\n        currency\n      }\n    }\n    ...DistributionMemberFields\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMember($poolId: ID!, $investorId: ID!) {\n    removeMember(poolId: $poolId, investorId: $investorId) {\n      id\n      memberCount\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveMember($poolId: ID!, $investorId: ID!) {\n    removeMember(poolId: $poolId, investorId: $investorId) {\n      id\n      memberCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordContribution($poolId: ID!, $investorId: ID!, $amount: Decimal!, $key: String!) {\n    recordContribution(\n      poolId: $poolId\n      investorId: $investorId\n      amount: $amount\n      idempotencyKey: $key\n    ) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RecordContribution($poolId: ID!, $investorId: ID!, $amount: Decimal!, $key: String!) {\n    recordContribution(\n      poolId: $poolId\n      investorId: $investorId\n      amount: $amount\n      idempotencyKey: $key\n    ) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Distribute($poolId: ID!, $amount: Decimal!, $key: String!) {\n    distribute(poolId: $poolId, amount: $amount, idempotencyKey: $key) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation Distribute($poolId: ID!, $amount: Decimal!, $key: String!) {\n    distribute(poolId: $poolId, amount: $amount, idempotencyKey: $key) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChargeFee($poolId: ID!, $amount: Decimal!, $key: String!) {\n    chargeFee(poolId: $poolId, amount: $amount, idempotencyKey: $key) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ChargeFee($poolId: ID!, $amount: Decimal!, $key: String!) {\n    chargeFee(poolId: $poolId, amount: $amount, idempotencyKey: $key) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CallCapital($poolId: ID!, $percent: Float!, $dueDate: DateTime!) {\n    callCapital(poolId: $poolId, percent: $percent, dueDate: $dueDate) {\n      id\n      totalCalled {\n        amount\n        currency\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CallCapital($poolId: ID!, $percent: Float!, $dueDate: DateTime!) {\n    callCapital(poolId: $poolId, percent: $percent, dueDate: $dueDate) {\n      id\n      totalCalled {\n        amount\n        currency\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NextManagementFeeFields on ManagementFeePreview {\n    termsVersion\n    period\n    periodStart\n    periodEnd\n    dueAt\n    overdue\n    frequency\n    basis\n    rateBps\n    basisAmount {\n      amount\n      currency\n    }\n    amount {\n      amount\n      currency\n    }\n    members {\n      investor {\n        id\n        name\n      }\n      amount {\n        amount\n        currency\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment NextManagementFeeFields on ManagementFeePreview {\n    termsVersion\n    period\n    periodStart\n    periodEnd\n    dueAt\n    overdue\n    frequency\n    basis\n    rateBps\n    basisAmount {\n      amount\n      currency\n    }\n    amount {\n      amount\n      currency\n    }\n    members {\n      investor {\n        id\n        name\n      }\n      amount {\n        amount\n        currency\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NextManagementFee($poolId: ID!) {\n    managementFeePreview(poolId: $poolId) {\n      pool {\n        id\n      }\n      ...NextManagementFeeFields\n    }\n  }\n"): (typeof documents)["\n  query NextManagementFee($poolId: ID!) {\n    managementFeePreview(poolId: $poolId) {\n      pool {\n        id\n      }\n      ...NextManagementFeeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadNoticeCount {\n    unreadNoticeCount\n  }\n"): (typeof documents)["\n  query UnreadNoticeCount {\n    unreadNoticeCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NoticeReceived {\n    noticeReceived {\n      id\n    }\n  }\n"): (typeof documents)["\n  subscription NoticeReceived {\n    noticeReceived {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PerformanceFiguresFields on PoolPerformance {\n    nav {\n      amount\n      currency\n    }\n    navDate\n    dpi\n    rvpi\n    tvpi\n    moic\n    irr\n  }\n"): (typeof documents)["\n  fragment PerformanceFiguresFields on PoolPerformance {\n    nav {\n      amount\n      currency\n    }\n    navDate\n    dpi\n    rvpi\n    tvpi\n    moic\n    irr\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PoolCardFields on Pool {\n    id\n    name\n    currency\n    status\n    memberCount\n    openAlertCount\n    cashBalance {\n      amount\n      currency\n    }\n    pendingContributions {\n      amount\n      currency\n    }\n    totalContributed {\n      amount\n      currency\n    }\n    totalDistributed {\n      amount\n      currency\n    }\n    totalProceeds {\n      amount\n      currency\n    }\n    targetAmount {\n      amount\n      currency\n    }\n  }\n"): (typeof documents)["\n  fragment PoolCardFields on Pool {\n    id\n    name\n    currency\n    status\n    memberCount\n    openAlertCount\n    cashBalance {\n      amount\n      currency\n    }\n    pendingContributions {\n      amount\n      currency\n    }\n    totalContributed {\n      amount\n      currency\n    }\n    totalDistributed {\n      amount\n      currency\n    }\n    totalProceeds {\n      amount\n      currency\n    }\n    targetAmount {\n      amount\n      currency\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PoolBalance($poolId: ID!) {\n    balanceChanged(poolId: $poolId) {\n      cashBalance {\n        amount\n        currency\n      }\n      transaction {\n        id\n      }\n      pool {\n        ...PoolCardFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription PoolBalance($poolId: ID!) {\n    balanceChanged(poolId: $poolId) {\n      cashBalance {\n        amount\n        currency\n      }\n      transaction {\n        id\n      }\n      pool {\n        ...PoolCardFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePool($input: CreatePoolInput!) {\n    createPool(input: $input) {\n      ...PoolCardFields\n      description\n      minContribution {\n        amount\n        currency\n      }\n      maxInvestors\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePool($input: CreatePoolInput!) {\n    createPool(input: $input) {\n      ...PoolCardFields\n      description\n      minContribution {\n        amount\n        currency\n      }\n      maxInvestors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePool($id: ID!, $input: UpdatePoolInput!) {\n    updatePool(id: $id, input: $input) {\n      ...PoolCardFields\n      description\n      minContribution {\n        amount\n        currency\n      }\n      maxInvestors\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePool($id: ID!, $input: UpdatePoolInput!) {\n    updatePool(id: $id, input: $input) {\n      ...PoolCardFields\n      description\n      minContribution {\n        amount\n        currency\n      }\n      maxInvestors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordProceeds(\n    $poolId: ID!\n    $amount: Decimal!\n    $note: String!\n    $occurredAt: DateTime\n    $key: String!\n  ) {\n    recordProceeds(\n      poolId: $poolId\n      amount: $amount\n      note: $note\n      occurredAt: $occurredAt\n      idempotencyKey: $key\n    ) {\n      ...TransactionRowFields\n    }\n  }\n"): (typeof documents)["\n  mutation RecordProceeds(\n    $poolId: ID!\n    $amount: Decimal!\n    $note: String!\n    $occurredAt: DateTime\n    $key: String!\n  ) {\n    recordProceeds(\n      poolId: $poolId\n      amount: $amount\n      note: $note\n      occurredAt: $occurredAt\n      idempotencyKey: $key\n    ) {\n      ...TransactionRowFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SecondFactorReminder {\n    me {\n      id\n      secondFactor {\n        enabled\n        mustEnrol\n      }\n    }\n  }\n"): (typeof documents)["\n  query SecondFactorReminder {\n    me {\n      id\n      secondFactor {\n        enabled\n        mustEnrol\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPoolTerms($poolId: ID!, $input: PoolTermsInput!) {\n    setPoolTerms(poolId: $poolId, input: $input) {\n      id\n      terms {\n        ...PoolTermsFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetPoolTerms($poolId: ID!, $input: PoolTermsInput!) {\n    setPoolTerms(poolId: $poolId, input: $input) {\n      id\n      terms {\n        ...PoolTermsFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PoolTermsFields on PoolTerms {\n    version\n    managementFeeBps\n    feeBasis\n    feeFrequency\n    feeHolidayMonths\n    carryBps\n    hurdleBps\n    hurdleCompounding\n    catchUp\n  }\n"): (typeof documents)["\n  fragment PoolTermsFields on PoolTerms {\n    version\n    managementFeeBps\n    feeBasis\n    feeFrequency\n    feeHolidayMonths\n    carryBps\n    hurdleBps\n    hurdleCompounding\n    catchUp\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TransactionRowFields on Transaction {\n    id\n    type\n    carry\n    status\n    note\n    occurredAt\n    amount {\n      amount\n      currency\n    }\n    investor {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment TransactionRowFields on Transaction {\n    id\n    type\n    carry\n    status\n    note\n    occurredAt\n    amount {\n      amount\n      currency\n    }\n    investor {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PoolTransactions($poolId: ID!, $after: String) {\n    pool(id: $poolId) {\n      id\n      transactions(first: 20, after: $after) {\n        nodes {\n          ...TransactionRowFields\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PoolTransactions($poolId: ID!, $after: String) {\n    pool(id: $poolId) {\n      id\n      transactions(first: 20, after: $after) {\n        nodes {\n          ...TransactionRowFields\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelContribution($id: ID!) {\n    cancelContribution(transactionId: $id) {\n      ...TransactionRowFields\n    }\n  }\n"): (typeof documents)["\n  mutation CancelContribution($id: ID!) {\n    cancelContribution(transactionId: $id) {\n      ...TransactionRowFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmPayout($id: ID!) {\n    confirmPayout(transactionId: $id) {\n      ...TransactionRowFields\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmPayout($id: ID!) {\n    confirmPayout(transactionId: $id) {\n      ...TransactionRowFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VoidPayout($id: ID!) {\n    voidPayout(transactionId: $id) {\n      ...TransactionRowFields\n    }\n  }\n"): (typeof documents)["\n  mutation VoidPayout($id: ID!) {\n    voidPayout(transactionId: $id) {\n      ...TransactionRowFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TransactionPosted($poolId: ID!) {\n    transactionPosted(poolId: $poolId) {\n      ...TransactionRowFields\n    }\n  }\n"): (typeof documents)["\n  subscription TransactionPosted($poolId: ID!) {\n    transactionPosted(poolId: $poolId) {\n      ...TransactionRowFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewDistribution($poolId: ID!, $amount: Decimal!) {\n    previewDistribution(poolId: $poolId, amount: $amount) {\n      waterfall\n      termsVersion\n      members {\n        investor {\n          id\n          name\n        }\n        capital {\n          amount\n          currency\n        }\n        returnOfCapital {\n          amount\n          currency\n        }\n        preferredReturn {\n          amount\n          currency\n        }\n        profitShare {\n          amount\n          currency\n        }\n        total {\n          amount\n          currency\n        }\n      }\n      catchUp {\n        amount\n        currency\n      }\n      carriedInterest {\n        amount\n        currency\n      }\n      carry {\n        amount\n        currency\n      }\n      carryRecipient {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query PreviewDistribution($poolId: ID!, $amount: Decimal!) {\n    previewDistribution(poolId: $poolId, amount: $amount) {\n      waterfall\n      termsVersion\n      members {\n        investor {\n          id\n          name\n        }\n        capital {\n          amount\n          currency\n        }\n        returnOfCapital {\n          amount\n          currency\n        }\n        preferredReturn {\n          amount\n          currency\n        }\n        profitShare {\n          amount\n          currency\n        }\n        total {\n          amount\n          currency\n        }\n      }\n      catchUp {\n        amount\n        currency\n      }\n      carriedInterest {\n        amount\n        currency\n      }\n      carry {\n        amount\n        currency\n      }\n      carryRecipient {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmBankTransfer($reference: String!, $amount: Decimal!) {\n    confirmBankTransfer(reference: $reference, amount: $amount) {\n      id\n      status\n      amount {\n        amount\n        currency\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmBankTransfer($reference: String!, $amount: Decimal!) {\n    confirmBankTransfer(reference: $reference, amount: $amount) {\n      id\n      status\n      amount {\n        amount\n        currency\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartContribution(\n    $poolId: ID!\n    $amount: Decimal!\n    $method: PaymentMethod!\n    $key: String!\n  ) {\n    startContribution(poolId: $poolId, amount: $amount, method: $method, idempotencyKey: $key) {\n      id\n      method\n      clientSecret\n      providerStatus\n      bankTransfer {\n        reference\n        beneficiary\n        iban\n        bic\n        amount {\n          amount\n          currency\n        }\n      }\n      transaction {\n        id\n        status\n        expiresAt\n        amount {\n          amount\n          currency\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StartContribution(\n    $poolId: ID!\n    $amount: Decimal!\n    $method: PaymentMethod!\n    $key: String!\n  ) {\n    startContribution(poolId: $poolId, amount: $amount, method: $method, idempotencyKey: $key) {\n      id\n      method\n      clientSecret\n      providerStatus\n      bankTransfer {\n        reference\n        beneficiary\n        iban\n        bic\n        amount {\n          amount\n          currency\n        }\n      }\n      transaction {\n        id\n        status\n        expiresAt\n        amount {\n          amount\n          currency\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TopInvestors($currency: String!) {\n    topInvestors(limit: 10, currency: $currency) {\n      investor {\n        id\n        name\n      }\n      uniquePools\n      totalInvested {\n        amount\n        currency\n      }\n    }\n  }\n"): (typeof documents)["\n  query TopInvestors($currency: String!) {\n    topInvestors(limit: 10, currency: $currency) {\n      investor {\n        id\n        name\n      }\n      uniquePools\n      totalInvested {\n        amount\n        currency\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportPools($after: String) {\n    poolsConnection(first: 100, after: $after) {\n      edges {\n        node {\n          id\n          name\n          currency\n          manager {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReportPools($after: String) {\n    poolsConnection(first: 100, after: $after) {\n      edges {\n        node {\n          id\n          name\n          currency\n          manager {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PoolPerformance($poolId: ID!) {\n    poolPerformance(poolId: $poolId) {\n      committed {\n        amount\n        currency\n      }\n      called {\n        amount\n        currency\n      }\n      contributed {\n        amount\n        currency\n      }\n      distributed {\n        amount\n        currency\n      }\n      fees {\n        amount\n        currency\n      }\n      cash {\n        amount\n        currency\n      }\n      investorCount\n      dpi\n      ...PerformanceFiguresFields\n      byDay {\n        period\n        contributed {\n          amount\n          currency\n        }\n        distributed {\n          amount\n          currency\n        }\n      }\n      byMonth {\n        period\n        contributed {\n          amount\n          currency\n        }\n        distributed {\n          amount\n          currency\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PoolPerformance($poolId: ID!) {\n    poolPerformance(poolId: $poolId) {\n      committed {\n        amount\n        currency\n      }\n      called {\n        amount\n        currency\n      }\n      contributed {\n        amount\n        currency\n      }\n      distributed {\n        amount\n        currency\n      }\n      fees {\n        amount\n        currency\n      }\n      cash {\n        amount\n        currency\n      }\n      investorCount\n      dpi\n      ...PerformanceFiguresFields\n      byDay {\n        period\n        contributed {\n          amount\n          currency\n        }\n        distributed {\n          amount\n          currency\n        }\n      }\n      byMonth {\n        period\n        contributed {\n          amount\n          currency\n        }\n        distributed {\n          amount\n          currency\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Account {\n    me {\n      id\n      email\n      name\n      phone\n      roles\n      secondFactor {\n        enabled\n        mustEnrol\n        requireSetting\n        recoveryCodesLeft\n      }\n      payoutDetails {\n        accountHolder\n        maskedIban\n        bic\n      }\n    }\n    mySessions {\n      id\n      startedAt\n      lastActiveAt\n      current\n    }\n  }\n"): (typeof documents)["\n  query Account {\n    me {\n      id\n      email\n      name\n      phone\n      roles\n      secondFactor {\n        enabled\n        mustEnrol\n        requireSetting\n        recoveryCodesLeft\n      }\n      payoutDetails {\n        accountHolder\n        maskedIban\n        bic\n      }\n    }\n    mySessions {\n      id\n      startedAt\n      lastActiveAt\n      current\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestEmailChange($newEmail: String!, $currentPassword: String!) {\n    requestEmailChange(newEmail: $newEmail, currentPassword: $currentPassword) {\n      email\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation RequestEmailChange($newEmail: String!, $currentPassword: String!) {\n    requestEmailChange(newEmail: $newEmail, currentPassword: $currentPassword) {\n      email\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      accessToken\n      refreshToken\n      user {\n        ...SessionUserFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      accessToken\n      refreshToken\n      user {\n        ...SessionUserFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPayoutDetails($input: PayoutDetailsInput!) {\n    setPayoutDetails(input: $input) {\n      accountHolder\n      maskedIban\n      bic\n    }\n  }\n"): (typeof documents)["\n  mutation SetPayoutDetails($input: PayoutDetailsInput!) {\n    setPayoutDetails(input: $input) {\n      accountHolder\n      maskedIban\n      bic\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProfile($input: ProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      name\n      phone\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProfile($input: ProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      name\n      phone\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartTotpEnrolment {\n    startTotpEnrolment {\n      secret\n      uri\n    }\n  }\n"): (typeof documents)["\n  mutation StartTotpEnrolment {\n    startTotpEnrolment {\n      secret\n      uri\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmTotpEnrolment($code: String!) {\n    confirmTotpEnrolment(code: $code) {\n      recoveryCodes\n      session {\n        accessToken\n        refreshToken\n        user {\n          ...SessionUserFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmTotpEnrolment($code: String!) {\n    confirmTotpEnrolment(code: $code) {\n      recoveryCodes\n      session {\n        accessToken\n        refreshToken\n        user {\n          ...SessionUserFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableTotp($password: String!, $code: String!) {\n    disableTotp(password: $password, code: $code) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DisableTotp($password: String!, $code: String!) {\n    disableTotp(password: $password, code: $code) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetSecondFactorRequired($required: Boolean!) {\n    setSecondFactorRequired(required: $required) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation SetSecondFactorRequired($required: Boolean!) {\n    setSecondFactorRequired(required: $required) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n"): (typeof documents)["\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiKeyFields on ApiKey {\n    id\n    name\n    scopes\n    prefix\n    createdAt\n    lastUsedAt\n    revokedAt\n    kind\n    expiresAt\n  }\n"): (typeof documents)["\n  fragment ApiKeyFields on ApiKey {\n    id\n    name\n    scopes\n    prefix\n    createdAt\n    lastUsedAt\n    revokedAt\n    kind\n    expiresAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys {\n    apiKeys {\n      ...ApiKeyFields\n    }\n  }\n"): (typeof documents)["\n  query ApiKeys {\n    apiKeys {\n      ...ApiKeyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($name: String!, $scopes: [String!]!) {\n    createApiKey(name: $name, scopes: $scopes) {\n      apiKey {\n        ...ApiKeyFields\n      }\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($name: String!, $scopes: [String!]!) {\n    createApiKey(name: $name, scopes: $scopes) {\n      apiKey {\n        ...ApiKeyFields\n      }\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyFields\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmEmailChange($token: String!) {\n    confirmEmailChange(token: $token)\n  }\n"): (typeof documents)["\n  mutation ConfirmEmailChange($token: String!) {\n    confirmEmailChange(token: $token)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword) {\n      accessToken\n      refreshToken\n      user {\n        ...SessionUserFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword) {\n      accessToken\n      refreshToken\n      user {\n        ...SessionUserFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TransactionHistory($filter: TransactionHistoryFilter, $first: Int, $after: String) {\n    transactionHistory(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        type\n        status\n        amount {\n          amount\n          currency\n        }\n        pool {\n          id\n          name\n        }\n        occurredAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query TransactionHistory($filter: TransactionHistoryFilter, $first: Int, $after: String) {\n    transactionHistory(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        type\n        status\n        amount {\n          amount\n          currency\n        }\n        pool {\n          id\n          name\n        }\n        occurredAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TransactionHistoryCsv($filter: TransactionHistoryFilter) {\n    transactionHistoryCsv(filter: $filter)\n  }\n"): (typeof documents)["\n  query TransactionHistoryCsv($filter: TransactionHistoryFilter) {\n    transactionHistoryCsv(filter: $filter)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HistoryPools {\n    me {\n      id\n      memberships {\n        id\n        pool {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query HistoryPools {\n    me {\n      id\n      memberships {\n        id\n        pool {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyInvitations {\n    myInvitations {\n      id\n      status\n      poolName\n      expiresAt\n      pool {\n        id\n        name\n        description\n        currency\n        status\n        memberCount\n        manager {\n          id\n          name\n        }\n        targetAmount {\n          amount\n          currency\n        }\n        minContribution {\n          amount\n          currency\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyInvitations {\n    myInvitations {\n      id\n      status\n      poolName\n      expiresAt\n      pool {\n        id\n        name\n        description\n        currency\n        status\n        memberCount\n        manager {\n          id\n          name\n        }\n        targetAmount {\n          amount\n          currency\n        }\n        minContribution {\n          amount\n          currency\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($id: ID!, $commitment: Decimal!) {\n    acceptInvitation(id: $id, commitment: $commitment) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($id: ID!, $commitment: Decimal!) {\n    acceptInvitation(id: $id, commitment: $commitment) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineInvitation($id: ID!) {\n    declineInvitation(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation DeclineInvitation($id: ID!) {\n    declineInvitation(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InviteLink($token: String!) {\n    inviteLink(token: $token) {\n      status\n      expiresAt\n      poolName\n      pool {\n        id\n        name\n        description\n        currency\n        status\n        manager {\n          id\n          name\n        }\n        targetAmount {\n          amount\n          currency\n        }\n        minContribution {\n          amount\n          currency\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query InviteLink($token: String!) {\n    inviteLink(token: $token) {\n      status\n      expiresAt\n      poolName\n      pool {\n        id\n        name\n        description\n        currency\n        status\n        manager {\n          id\n          name\n        }\n        targetAmount {\n          amount\n          currency\n        }\n        minContribution {\n          amount\n          currency\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInviteLink($token: String!, $commitment: Decimal!) {\n    acceptInviteLink(token: $token, commitment: $commitment) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInviteLink($token: String!, $commitment: Decimal!) {\n    acceptInviteLink(token: $token, commitment: $commitment) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyNotices($first: Int, $after: ID, $unreadOnly: Boolean) {\n    notices(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      id\n      kind\n      amount {\n        amount\n        currency\n      }\n      pool {\n        id\n        name\n      }\n      dueDate\n      createdAt\n      readAt\n    }\n    unreadNoticeCount\n  }\n"): (typeof documents)["\n  query MyNotices($first: Int, $after: ID, $unreadOnly: Boolean) {\n    notices(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      id\n      kind\n      amount {\n        amount\n        currency\n      }\n      pool {\n        id\n        name\n      }\n      dueDate\n      createdAt\n      readAt\n    }\n    unreadNoticeCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNoticesRead($ids: [ID!]) {\n    markNoticesRead(ids: $ids)\n  }\n"): (typeof documents)["\n  mutation MarkNoticesRead($ids: [ID!]) {\n    markNoticesRead(ids: $ids)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpenPools($after: String) {\n    poolsConnection(first: 100, after: $after) {\n      edges {\n        node {\n          id\n          name\n          description\n          currency\n          status\n          visibility\n          memberCount\n          maxInvestors\n          manager {\n            id\n            name\n          }\n          targetAmount {\n            amount\n            currency\n          }\n          minContribution {\n            amount\n            currency\n          }\n          terms {\n            ...PoolTermsFields\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    me {\n      id\n      memberships {\n        id\n        pool {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OpenPools($after: String) {\n    poolsConnection(first: 100, after: $after) {\n      edges {\n        node {\n          id\n          name\n          description\n          currency\n          status\n          visibility\n          memberCount\n          maxInvestors\n          manager {\n            id\n            name\n          }\n          targetAmount {\n            amount\n            currency\n          }\n          minContribution {\n            amount\n            currency\n          }\n          terms {\n            ...PoolTermsFields\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    me {\n      id\n      memberships {\n        id\n        pool {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JoinPool($poolId: ID!, $commitment: Decimal!) {\n    joinPool(poolId: $poolId, commitment: $commitment) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation JoinPool($poolId: ID!, $commitment: Decimal!) {\n    joinPool(poolId: $poolId, commitment: $commitment) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PositionCardFields on Membership {\n    id\n    commitment {\n      amount\n      currency\n    }\n    called {\n      amount\n      currency\n    }\n    outstanding {\n      amount\n      currency\n    }\n    pool {\n      id\n      name\n      currency\n      status\n      terms {\n        ...PoolTermsFields\n      }\n    }\n    position {\n      contributed {\n        amount\n        currency\n      }\n      distributed {\n        amount\n        currency\n      }\n      proceeds {\n        amount\n        currency\n      }\n      fees {\n        amount\n        currency\n      }\n      capital {\n        amount\n        currency\n      }\n      pending {\n        amount\n        currency\n      }\n      unfundedCommitment {\n        amount\n        currency\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment PositionCardFields on Membership {\n    id\n    commitment {\n      amount\n      currency\n    }\n    called {\n      amount\n      currency\n    }\n    outstanding {\n      amount\n      currency\n    }\n    pool {\n      id\n      name\n      currency\n      status\n      terms {\n        ...PoolTermsFields\n      }\n    }\n    position {\n      contributed {\n        amount\n        currency\n      }\n      distributed {\n        amount\n        currency\n      }\n      proceeds {\n        amount\n        currency\n      }\n      fees {\n        amount\n        currency\n      }\n      capital {\n        amount\n        currency\n      }\n      pending {\n        amount\n        currency\n      }\n      unfundedCommitment {\n        amount\n        currency\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyPositions {\n    me {\n      id\n      memberships {\n        ...PositionCardFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyPositions {\n    me {\n      id\n      memberships {\n        ...PositionCardFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyPerformance($investorId: ID!) {\n    investorPerformance(investorId: $investorId) {\n      pool {\n        id\n      }\n      navShare {\n        amount\n        currency\n      }\n      dpi\n      rvpi\n      tvpi\n      moic\n      irr\n    }\n  }\n"): (typeof documents)["\n  query MyPerformance($investorId: ID!) {\n    investorPerformance(investorId: $investorId) {\n      pool {\n        id\n      }\n      navShare {\n        amount\n        currency\n      }\n      dpi\n      rvpi\n      tvpi\n      moic\n      irr\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PositionEvents($poolId: ID!) {\n    balanceChanged(poolId: $poolId) {\n      transaction {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription PositionEvents($poolId: ID!) {\n    balanceChanged(poolId: $poolId) {\n      transaction {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvestorStatement($investorId: ID!, $from: DateTime, $to: DateTime) {\n    investorStatement(investorId: $investorId, from: $from, to: $to) {\n      from\n      to\n      csv\n      lines {\n        pool {\n          id\n          name\n        }\n        openingBalance {\n          amount\n          currency\n        }\n        contributions {\n          amount\n          currency\n        }\n        distributions {\n          amount\n          currency\n        }\n        fees {\n          amount\n          currency\n        }\n        withdrawals {\n          amount\n          currency\n        }\n        closingBalance {\n          amount\n          currency\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query InvestorStatement($investorId: ID!, $from: DateTime, $to: DateTime) {\n    investorStatement(investorId: $investorId, from: $from, to: $to) {\n      from\n      to\n      csv\n      lines {\n        pool {\n          id\n          name\n        }\n        openingBalance {\n          amount\n          currency\n        }\n        contributions {\n          amount\n          currency\n        }\n        distributions {\n          amount\n          currency\n        }\n        fees {\n          amount\n          currency\n        }\n        withdrawals {\n          amount\n          currency\n        }\n        closingBalance {\n          amount\n          currency\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AlertRuleFields on AlertRule {\n    id\n    kind\n    enabled\n    isDefault\n    threshold {\n      amount\n      currency\n    }\n    spikeFactor\n    windowSeconds\n    baselineSeconds\n    minCount\n  }\n"): (typeof documents)["\n  fragment AlertRuleFields on AlertRule {\n    id\n    kind\n    enabled\n    isDefault\n    threshold {\n      amount\n      currency\n    }\n    spikeFactor\n    windowSeconds\n    baselineSeconds\n    minCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AlertRules($poolId: ID!) {\n    alertRules(poolId: $poolId) {\n      ...AlertRuleFields\n    }\n  }\n"): (typeof documents)["\n  query AlertRules($poolId: ID!) {\n    alertRules(poolId: $poolId) {\n      ...AlertRuleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetAlertRule($input: AlertRuleInput!) {\n    setAlertRule(input: $input) {\n      ...AlertRuleFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetAlertRule($input: AlertRuleInput!) {\n    setAlertRule(input: $input) {\n      ...AlertRuleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AlertsInbox($status: AlertStatus, $after: String) {\n    alertsConnection(status: $status, first: 100, after: $after) {\n      edges {\n        node {\n          id\n          kind\n          message\n          status\n          raisedAt\n          pool {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AlertsInbox($status: AlertStatus, $after: String) {\n    alertsConnection(status: $status, first: 100, after: $after) {\n      edges {\n        node {\n          id\n          kind\n          message\n          status\n          raisedAt\n          pool {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgeAlert($id: ID!) {\n    acknowledgeAlert(id: $id) {\n      id\n      status\n      pool {\n        id\n        openAlertCount\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcknowledgeAlert($id: ID!) {\n    acknowledgeAlert(id: $id) {\n      id\n      status\n      pool {\n        id\n        openAlertCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ManagerDashboard {\n    me {\n      id\n      managedPools {\n        ...PoolCardFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ManagerDashboard {\n    me {\n      id\n      managedPools {\n        ...PoolCardFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PoolInvitations($id: ID!) {\n    pool(id: $id) {\n      id\n      name\n      status\n      visibility\n      invitations {\n        id\n        kind\n        email\n        status\n        expiresAt\n        maxUses\n        uses\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query PoolInvitations($id: ID!) {\n    pool(id: $id) {\n      id\n      name\n      status\n      visibility\n      invitations {\n        id\n        kind\n        email\n        status\n        expiresAt\n        maxUses\n        uses\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPoolVisibility($id: ID!, $visibility: PoolVisibility!) {\n    setPoolVisibility(id: $id, visibility: $visibility) {\n      id\n      visibility\n    }\n  }\n"): (typeof documents)["\n  mutation SetPoolVisibility($id: ID!, $visibility: PoolVisibility!) {\n    setPoolVisibility(id: $id, visibility: $visibility) {\n      id\n      visibility\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteByEmail($poolId: ID!, $email: String!) {\n    inviteByEmail(poolId: $poolId, email: $email) {\n      id\n      email\n    }\n  }\n"): (typeof documents)["\n  mutation InviteByEmail($poolId: ID!, $email: String!) {\n    inviteByEmail(poolId: $poolId, email: $email) {\n      id\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateInviteLink($poolId: ID!, $maxUses: Int, $expiresInDays: Int) {\n    createInviteLink(poolId: $poolId, maxUses: $maxUses, expiresInDays: $expiresInDays) {\n      token\n      invitation {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateInviteLink($poolId: ID!, $maxUses: Int, $expiresInDays: Int) {\n    createInviteLink(poolId: $poolId, maxUses: $maxUses, expiresInDays: $expiresInDays) {\n      token\n      invitation {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePartnerKey($input: PartnerKeyInput!) {\n    createPartnerKey(input: $input) {\n      apiKey {\n        ...PartnerKeyFields\n      }\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePartnerKey($input: PartnerKeyInput!) {\n    createPartnerKey(input: $input) {\n      apiKey {\n        ...PartnerKeyFields\n      }\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PartnerKeyFields on ApiKey {\n    id\n    name\n    scopes\n    prefix\n    poolIds\n    note\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n"): (typeof documents)["\n  fragment PartnerKeyFields on ApiKey {\n    id\n    name\n    scopes\n    prefix\n    poolIds\n    note\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerKeys {\n    apiKeys {\n      ...PartnerKeyFields\n    }\n    me {\n      id\n      managedPools {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query PartnerKeys {\n    apiKeys {\n      ...PartnerKeyFields\n    }\n    me {\n      id\n      managedPools {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokePartnerKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...PartnerKeyFields\n    }\n  }\n"): (typeof documents)["\n  mutation RevokePartnerKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...PartnerKeyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PoolPerformancePanel($poolId: ID!) {\n    poolPerformance(poolId: $poolId) {\n      ...PerformanceFiguresFields\n      valuations {\n        id\n        date\n        value {\n          amount\n          currency\n        }\n        note\n        recordedAt\n        recordedBy {\n          id\n          name\n        }\n      }\n      investors {\n        investor {\n          id\n          name\n        }\n        contributed {\n          amount\n          currency\n        }\n        distributed {\n          amount\n          currency\n        }\n        navShare {\n          amount\n          currency\n        }\n        tvpi\n        irr\n      }\n    }\n  }\n"): (typeof documents)["\n  query PoolPerformancePanel($poolId: ID!) {\n    poolPerformance(poolId: $poolId) {\n      ...PerformanceFiguresFields\n      valuations {\n        id\n        date\n        value {\n          amount\n          currency\n        }\n        note\n        recordedAt\n        recordedBy {\n          id\n          name\n        }\n      }\n      investors {\n        investor {\n          id\n          name\n        }\n        contributed {\n          amount\n          currency\n        }\n        distributed {\n          amount\n          currency\n        }\n        navShare {\n          amount\n          currency\n        }\n        tvpi\n        irr\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PoolPage($id: ID!, $after: String) {\n    pool(id: $id) {\n      ...PoolCardFields\n      description\n      totalFees {\n        amount\n        currency\n      }\n      pendingContributions {\n        amount\n        currency\n      }\n      suspense {\n        amount\n        currency\n      }\n      minContribution {\n        amount\n        currency\n      }\n      maxInvestors\n      membersConnection(first: 500, after: $after) {\n        edges {\n          node {\n            ...MemberRowFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      capitalCalls {\n        id\n        percent\n        dueDate\n        totalCalled {\n          amount\n          currency\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PoolPage($id: ID!, $after: String) {\n    pool(id: $id) {\n      ...PoolCardFields\n      description\n      totalFees {\n        amount\n        currency\n      }\n      pendingContributions {\n        amount\n        currency\n      }\n      suspense {\n        amount\n        currency\n      }\n      minContribution {\n        amount\n        currency\n      }\n      maxInvestors\n      membersConnection(first: 500, after: $after) {\n        edges {\n          node {\n            ...MemberRowFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      capitalCalls {\n        id\n        percent\n        dueDate\n        totalCalled {\n          amount\n          currency\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenPool($id: ID!) {\n    openPool(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation OpenPool($id: ID!) {\n    openPool(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClosePool($id: ID!) {\n    closePool(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ClosePool($id: ID!) {\n    closePool(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchivePool($id: ID!) {\n    archivePool(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ArchivePool($id: ID!) {\n    archivePool(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PoolTermsPanel($id: ID!) {\n    pool(id: $id) {\n      id\n      status\n      terms {\n        ...PoolTermsFields\n      }\n      termsHistory {\n        ...PoolTermsFields\n        poolStatus\n        setAt\n        setBy {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PoolTermsPanel($id: ID!) {\n    pool(id: $id) {\n      id\n      status\n      terms {\n        ...PoolTermsFields\n      }\n      termsHistory {\n        ...PoolTermsFields\n        poolStatus\n        setAt\n        setBy {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordValuation($input: RecordValuationInput!) {\n    recordValuation(input: $input) {\n      id\n      date\n      value {\n        amount\n        currency\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RecordValuation($input: RecordValuationInput!) {\n    recordValuation(input: $input) {\n      id\n      date\n      value {\n        amount\n        currency\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationChannels {\n    notificationChannels {\n      id\n      kind\n      url\n      email\n      enabled\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query NotificationChannels {\n    notificationChannels {\n      id\n      kind\n      url\n      email\n      enabled\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddWebhook($input: NotificationChannelInput!) {\n    addNotificationChannel(input: $input) {\n      channel {\n        id\n        kind\n        url\n      }\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation AddWebhook($input: NotificationChannelInput!) {\n    addNotificationChannel(input: $input) {\n      channel {\n        id\n        kind\n        url\n      }\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveNotificationChannel($id: ID!) {\n    removeNotificationChannel(id: $id)\n  }\n"): (typeof documents)["\n  mutation RemoveNotificationChannel($id: ID!) {\n    removeNotificationChannel(id: $id)\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;