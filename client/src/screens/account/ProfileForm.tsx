import { useMutation } from '@apollo/client/react';
import { Button, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { graphql } from '../../__generated__/gql.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { formErrors } from '../../lib/errors.ts';
import { toast } from '../../lib/toast.ts';

const UpdateProfileMutation = graphql(`
  mutation UpdateProfile($input: ProfileInput!) {
    updateProfile(input: $input) {
      id
      name
      phone
    }
  }
`);

const PHONE = /^\+?[0-9 ()-]{6,32}$/;

export function ProfileForm({ me }: { me: { name: string; phone?: string | null } }) {
  const [name, setName] = useState(me.name);
  const [phone, setPhone] = useState(me.phone ?? '');
  const [submitted, setSubmitted] = useState(false);
  const [update, { loading, error }] = useMutation(UpdateProfileMutation);
  const errors = formErrors(error, ['name', 'phone']);
  const problems = {
    name: name.trim() ? undefined : 'Enter your name.',
    phone:
      phone.trim() === '' || PHONE.test(phone.trim())
        ? undefined
        : 'Use digits, spaces, +, -, ( and ), 6 to 32 characters.',
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (problems.name || problems.phone) return;
    const result = await update({ variables: { input: { name, phone } } }).catch(() => null);
    if (result?.data) toast({ message: 'Profile saved.', color: 'green' });
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="profile-title">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <Title order={3} size="h4" id="profile-title">
            Profile
          </Title>
          <FormAlert errors={errors} />
          <TextInput
            label="Name"
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={(submitted && problems.name) || errors.fields.name}
            required
          />
          <TextInput
            label="Phone"
            description="Optional; only you and the platform's admins see it"
            type="tel"
            autoComplete="tel"
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
            error={(submitted && problems.phone) || errors.fields.phone}
          />
          <Button type="submit" loading={loading} style={{ alignSelf: 'flex-start' }}>
            Save profile
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
