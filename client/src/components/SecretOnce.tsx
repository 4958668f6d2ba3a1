import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';

/** A new API key's secret, shown once with a copy button (only a hash of it is kept). */
export function SecretOnce({ secret, onClose }: { secret: string; onClose: () => void }) {
  return (
    <Alert
      color="yellow"
      title="Copy the secret now: it is not shown again"
      withCloseButton
      onClose={onClose}
    >
      <Stack gap="xs">
        <Text size="sm">
          The partner sends it as the <Code>x-api-key</Code> header. Poolgraph keeps only a hash of
          it.
        </Text>
        <Group gap="xs">
          <Code data-testid="api-key-secret" style={{ wordBreak: 'break-all' }}>
            {secret}
          </Code>
          <CopyButton value={secret}>
            {({ copied, copy }) => (
              <Button size="xs" variant="default" onClick={copy}>
                {copied ? 'Copied' : 'Copy secret'}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}
