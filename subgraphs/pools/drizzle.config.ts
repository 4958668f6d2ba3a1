import { defineConfig } from 'drizzle-kit';

// Only `generate` is used (push/pull are broken on MariaDB, see docs/STACK.md); it needs no connection.
export default defineConfig({
  dialect: 'mysql',
  schema: './src/db/schema.ts',
  out: './src/db/migrations',
});
