import { Button, Group, Radio, Stack, Text } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { FormAlert } from '../components/FormAlert.tsx';
import { cardPayments, TEST_CARDS, type TestCard } from './cardPayments.ts';

/**
 * The card step: the provider's card form (Stripe's Card Element), or with the local emulator
 * a choice of Stripe test cards, then the provider's confirmation with the client secret.
 * A declined card ends the payment (the ledger voids its pending contribution when the
 * provider reports the failure): the user starts again, a new payment, with another card.
 */
export function CardPayment({
  clientSecret,
  amountLabel,
  onPaid,
  onStartAgain,
}: {
  clientSecret: string;
  amountLabel: string;
  onPaid: () => void;
  onStartAgain: () => void;
}) {
  const provider = useMemo(cardPayments, []);
  const cardForm = useRef<HTMLDivElement>(null);
  const [testCard, setTestCard] = useState<TestCard>('pm_card_visa');
  const [paying, setPaying] = useState(false);
  const [failure, setFailure] = useState<string>();

  useEffect(() => {
    if (!cardForm.current || provider.kind !== 'stripe') return;
    let unmount: (() => void) | undefined;
    provider.mount(cardForm.current).then(
      (remove) => (unmount = remove),
      (error: unknown) => setFailure(error instanceof Error ? error.message : String(error)),
    );
    return () => unmount?.();
  }, [provider]);

  async function pay() {
    setPaying(true);
    setFailure(undefined);
    const outcome = await provider.confirm(clientSecret, testCard);
    setPaying(false);
    if (outcome.status === 'failed') setFailure(outcome.message);
    else onPaid();
  }

  if (failure) {
    return (
      <Stack>
        <FormAlert errors={{ fields: {}, form: failure, retryable: false }} />
        <Text size="sm">
          Nothing was charged, and this payment is cancelled. You can start again with another card.
        </Text>
        <Group justify="flex-end">
          <Button onClick={onStartAgain}>Start again</Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack>
      {provider.kind === 'stripe' ? (
        <div ref={cardForm} aria-label="Card details" />
      ) : (
        <Radio.Group
          label="Test card"
          description="The local payment emulator: no real card is charged."
          value={testCard}
          onChange={(value) => setTestCard(value as TestCard)}
        >
          <Stack gap="xs" mt="xs">
            {TEST_CARDS.map((card) => (
              <Radio key={card.value} value={card.value} label={card.label} />
            ))}
          </Stack>
        </Radio.Group>
      )}
      <Text size="xs" c="dimmed">
        Your card details go to the card provider only, never to Poolgraph.
      </Text>
      <Group justify="flex-end">
        <Button onClick={() => void pay()} loading={paying}>
          Pay {amountLabel}
        </Button>
      </Group>
    </Stack>
  );
}
